//! Client feedback: after each network meeting and when the case closes, the client (or a relative
//! the client lets write) gives a score from 1 to 5 and, if they like, a few words. The
//! coordinators see it only in aggregate: how many, the average and how the scores spread.

use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 2000;

/// When the feedback is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// After a network meeting the author was invited to.
    Meeting,
    /// When the case has closed.
    Closure,
}

impl Occasion {
    pub fn as_str(self) -> &'static str {
        match self {
            Occasion::Meeting => "meeting",
            Occasion::Closure => "closure",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, FeedbackError> {
        match raw.trim() {
            "meeting" => Ok(Occasion::Meeting),
            "closure" => Ok(Occasion::Closure),
            other => Err(FeedbackError::UnknownOccasion { value: super::shortened(other) }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FeedbackError {
    #[error("choose a score from 1 to 5")]
    ScoreMissing,
    #[error("\"{value}\" is not a score from 1 to 5")]
    ScoreOutOfRange { value: String },
    #[error("the feedback is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("\"{value}\" is not a feedback occasion")]
    UnknownOccasion { value: String },
    #[error("feedback on a meeting can be given once it has ended")]
    MeetingNotOver,
    #[error("feedback on a meeting comes from the people invited to it")]
    NotInvited,
    #[error("feedback at closure can be given once the case has closed")]
    CaseNotClosed,
    #[error("you have already given feedback on this")]
    AlreadyGiven,
}

/// A score from 1 (poor) to 5 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score(u8);

impl Score {
    pub const RANGE: std::ops::RangeInclusive<u8> = 1..=5;

    pub fn parse(raw: &str) -> Result<Self, FeedbackError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(FeedbackError::ScoreMissing);
        }
        value
            .parse::<u8>()
            .ok()
            .filter(|n| Self::RANGE.contains(n))
            .map(Score)
            .ok_or_else(|| FeedbackError::ScoreOutOfRange { value: super::shortened(value) })
    }

    /// A score read back from storage, where it was checked on the way in.
    pub fn from_stored(value: i32) -> Option<Self> {
        u8::try_from(value).ok().filter(|n| Self::RANGE.contains(n)).map(Score)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// The feedback form as it arrives: what it is about, and the score and words as typed.
#[derive(Debug, Clone, Default)]
pub struct RawFeedback {
    /// `meeting` or `closure`.
    pub occasion: String,
    /// The meeting's or the closure's id.
    pub target_id: i32,
    pub score: String,
    pub text: String,
}

/// One person's feedback as parsed from the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub score: Score,
    /// Optional words, trimmed; empty when none were written.
    pub text: String,
}

impl Feedback {
    pub fn parse(score: &str, text: &str) -> Result<Self, FeedbackError> {
        let score = Score::parse(score)?;
        let text = text.trim().to_string();
        if text.chars().count() > MAX_TEXT {
            return Err(FeedbackError::TextTooLong { max: MAX_TEXT });
        }
        Ok(Feedback { score, text })
    }
}

/// What is known about a meeting when someone wants to give feedback on it.
#[derive(Debug, Clone, Copy)]
pub struct MeetingFacts {
    pub ended: bool,
    pub author_invited: bool,
    pub already_given: bool,
}

/// May feedback be given on this meeting? After it has ended, by someone invited, once.
pub fn check_meeting(facts: MeetingFacts) -> Result<(), FeedbackError> {
    if !facts.author_invited {
        Err(FeedbackError::NotInvited)
    } else if !facts.ended {
        Err(FeedbackError::MeetingNotOver)
    } else if facts.already_given {
        Err(FeedbackError::AlreadyGiven)
    } else {
        Ok(())
    }
}

/// May feedback be given at closure? Once the case is closed, once per closure.
pub fn check_closure(closed: bool, already_given: bool) -> Result<(), FeedbackError> {
    if !closed {
        Err(FeedbackError::CaseNotClosed)
    } else if already_given {
        Err(FeedbackError::AlreadyGiven)
    } else {
        Ok(())
    }
}

/// Feedback in aggregate: how many, and how many gave each score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSummary {
    /// `spread[0]` is the number of 1s, `spread[4]` the number of 5s.
    pub spread: [u32; 5],
}

impl FeedbackSummary {
    pub fn of(scores: impl IntoIterator<Item = Score>) -> Self {
        let mut spread = [0; 5];
        for score in scores {
            spread[usize::from(score.get() - 1)] += 1;
        }
        FeedbackSummary { spread }
    }

    pub fn count(&self) -> u32 {
        self.spread.iter().sum()
    }

    /// The average score in tenths (42 is 4.2), rounded half up; None when there is none.
    pub fn average_tenths(&self) -> Option<u32> {
        let count = self.count();
        if count == 0 {
            return None;
        }
        let total: u32 = self.spread.iter().zip(1..).map(|(n, score)| n * score).sum();
        Some((total * 20 + count) / (2 * count))
    }

    /// The share of each score in whole percent of all, for drawing the spread.
    pub fn percent(&self, score: u8) -> u32 {
        let count = self.count();
        if count == 0 || !Score::RANGE.contains(&score) {
            return 0;
        }
        (self.spread[usize::from(score - 1)] * 100 + count / 2) / count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(values: &[u8]) -> Vec<Score> {
        values.iter().map(|v| Score::parse(&v.to_string()).unwrap()).collect()
    }

    #[test]
    fn a_score_is_a_whole_number_from_one_to_five() {
        assert_eq!(Score::parse(" 4 ").unwrap().get(), 4);
        assert_eq!(Score::parse(""), Err(FeedbackError::ScoreMissing));
        assert_eq!(Score::parse("  "), Err(FeedbackError::ScoreMissing));
        for bad in ["0", "6", "4.5", "-1", "viisi", "300"] {
            assert_eq!(Score::parse(bad), Err(FeedbackError::ScoreOutOfRange { value: bad.into() }), "{bad}");
        }
        assert_eq!(Score::from_stored(5), Some(Score(5)));
        assert_eq!(Score::from_stored(0), None);
        assert_eq!(Score::from_stored(256 + 3), None);
    }

    #[test]
    fn the_words_are_optional_trimmed_and_bounded() {
        assert_eq!(Feedback::parse("5", "  "), Ok(Feedback { score: Score(5), text: String::new() }));
        assert_eq!(Feedback::parse("3", " Kuunneltiin. ").unwrap().text, "Kuunneltiin.");
        let long = "ä".repeat(MAX_TEXT + 1);
        assert_eq!(Feedback::parse("3", &long), Err(FeedbackError::TextTooLong { max: MAX_TEXT }));
        assert!(Feedback::parse("3", &"ä".repeat(MAX_TEXT)).is_ok(), "the limit counts characters, not bytes");
        assert_eq!(Feedback::parse("", "Hyvä"), Err(FeedbackError::ScoreMissing));
    }

    #[test]
    fn occasions_parse_from_their_names() {
        assert_eq!(Occasion::parse("meeting"), Ok(Occasion::Meeting));
        assert_eq!(Occasion::parse(Occasion::Closure.as_str()), Ok(Occasion::Closure));
        assert_eq!(Occasion::parse("review"), Err(FeedbackError::UnknownOccasion { value: "review".into() }));
    }

    #[test]
    fn meeting_feedback_comes_once_after_the_meeting_from_those_invited() {
        let ok = MeetingFacts { ended: true, author_invited: true, already_given: false };
        assert_eq!(check_meeting(ok), Ok(()));
        assert_eq!(check_meeting(MeetingFacts { ended: false, ..ok }), Err(FeedbackError::MeetingNotOver));
        assert_eq!(check_meeting(MeetingFacts { author_invited: false, ..ok }), Err(FeedbackError::NotInvited));
        assert_eq!(check_meeting(MeetingFacts { already_given: true, ..ok }), Err(FeedbackError::AlreadyGiven));
        assert_eq!(
            check_meeting(MeetingFacts { ended: false, author_invited: false, already_given: false }),
            Err(FeedbackError::NotInvited),
            "someone not invited learns that first, not when the meeting ends"
        );
    }

    #[test]
    fn closure_feedback_comes_once_the_case_has_closed() {
        assert_eq!(check_closure(true, false), Ok(()));
        assert_eq!(check_closure(false, false), Err(FeedbackError::CaseNotClosed));
        assert_eq!(check_closure(true, true), Err(FeedbackError::AlreadyGiven));
    }

    #[test]
    fn the_summary_counts_averages_and_spreads_the_scores() {
        let summary = FeedbackSummary::of(scores(&[5, 4, 4, 2, 5]));
        assert_eq!(summary.spread, [0, 1, 0, 2, 2]);
        assert_eq!(summary.count(), 5);
        assert_eq!(summary.average_tenths(), Some(40));
        assert_eq!(summary.percent(4), 40);
        assert_eq!(summary.percent(1), 0);
        assert_eq!(summary.percent(9), 0);
        assert_eq!(FeedbackSummary::of(scores(&[4, 5])).average_tenths(), Some(45), "4.5 stays 4.5");
        assert_eq!(FeedbackSummary::of(scores(&[5, 5, 4])).average_tenths(), Some(47), "4.666… rounds to 4.7");
        assert_eq!(FeedbackSummary::of(scores(&[1, 1, 2])).average_tenths(), Some(13), "1.333… rounds to 1.3");
    }

    #[test]
    fn an_empty_summary_has_no_average() {
        let empty = FeedbackSummary::default();
        assert_eq!(empty.count(), 0);
        assert_eq!(empty.average_tenths(), None);
        assert_eq!(empty.percent(3), 0);
    }
}
