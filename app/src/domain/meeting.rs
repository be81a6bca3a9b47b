//! Dialogic network meetings (verkostokokous): everyone speaks and is heard in turn about their
//! hopes, their worries and the support they think is needed; the meeting ends with concrete
//! next steps and who does them, which become actions in the client plan in one step.
//!
//! Times are entered and shown in Finnish wall-clock time and stored as instants. An invitation
//! is an iCalendar (RFC 5545) file any calendar can import.

use super::calendar::{finnish_time, from_finnish_time, parse_minute, plus_minutes, DateError};
use super::ids::UserId;
use super::plan::{parse_new_action, NewAction, PlanError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 2000;
const MAX_TITLE: usize = 200;
/// How far ahead a meeting may be scheduled, in days.
const MAX_AHEAD_DAYS: i64 = 2 * 366;

/// The shortest a meeting may be, in minutes.
pub const SHORTEST_MINUTES: u32 = 15;
/// The longest a meeting may be, in minutes: one that started longer ago has ended.
pub const LONGEST_MINUTES: u32 = 480;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MeetingError {
    #[error("give the meeting a name")]
    TitleEmpty,
    #[error("give the start as a date and a time")]
    StartInvalid,
    #[error("the start has already passed")]
    StartInPast,
    #[error("a meeting is scheduled at most two years ahead")]
    StartTooFar,
    #[error("a meeting lasts from 15 minutes to 8 hours")]
    DurationOutOfRange,
    #[error("say where the meeting is, or give a video link")]
    NoPlace,
    #[error("a video link starts with https://")]
    LinkInvalid,
    #[error("invite at least the client or one member of the team")]
    NoParticipants,
    #[error("everyone invited must be the client, a relative on the team or a member of the team")]
    UnknownParticipant,
    #[error("a text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("write at least one of hopes, worries or the support needed")]
    VoiceEmpty,
    #[error("only someone invited to the meeting can be heard in it")]
    NotParticipant,
    #[error("write at least one agreed step with who does it and by when")]
    NoSteps,
    #[error("step {row}: {problem}")]
    Step { row: usize, problem: PlanError },
    #[error("the agreed steps of this meeting are already in the plan")]
    StepsAlreadyAgreed,
}

/// The meeting form as it arrives.
#[derive(Debug, Clone, Default)]
pub struct RawMeeting {
    pub title: String,
    /// Finnish wall-clock time from a datetime-local field: `YYYY-MM-DDTHH:MM`.
    pub starts: String,
    pub minutes: String,
    pub place: String,
    pub video_link: String,
    pub participants: Vec<UserId>,
}

/// A meeting to be scheduled, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPlan {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    pub participants: Vec<UserId>,
}

fn bounded(raw: &str, max: usize) -> Result<Option<String>, MeetingError> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > max {
        return Err(MeetingError::TextTooLong { max });
    }
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

impl MeetingPlan {
    /// Parses the form. `invitable` holds the user ids that may be invited (the client, the
    /// team, relatives on the team).
    pub fn parse(raw: &RawMeeting, invitable: &[UserId], now: DateTime<Utc>) -> Result<Self, MeetingError> {
        let title = bounded(&raw.title, MAX_TITLE)?.ok_or(MeetingError::TitleEmpty)?;
        let local = parse_minute(&raw.starts).map_err(|e| match e {
            DateError::Invalid => MeetingError::StartInvalid,
            DateError::TooEarly => MeetingError::StartInPast,
            DateError::TooLate => MeetingError::StartTooFar,
        })?;
        let starts_at = from_finnish_time(local).ok_or(MeetingError::StartInvalid)?;
        if starts_at < now {
            return Err(MeetingError::StartInPast);
        }
        if starts_at > plus_minutes(now, MAX_AHEAD_DAYS * 24 * 60) {
            return Err(MeetingError::StartTooFar);
        }
        let minutes: u32 = raw.minutes.trim().parse().map_err(|_| MeetingError::DurationOutOfRange)?;
        if !(SHORTEST_MINUTES..=LONGEST_MINUTES).contains(&minutes) {
            return Err(MeetingError::DurationOutOfRange);
        }
        let place = bounded(&raw.place, MAX_TITLE)?;
        let video_link = bounded(&raw.video_link, MAX_TITLE)?;
        if let Some(link) = &video_link {
            let rest = link.strip_prefix("https://").ok_or(MeetingError::LinkInvalid)?;
            if rest.is_empty() || rest.contains(char::is_whitespace) {
                return Err(MeetingError::LinkInvalid);
            }
        }
        if place.is_none() && video_link.is_none() {
            return Err(MeetingError::NoPlace);
        }
        let mut participants = raw.participants.clone();
        participants.sort_unstable();
        participants.dedup();
        if participants.is_empty() {
            return Err(MeetingError::NoParticipants);
        }
        if participants.iter().any(|p| !invitable.contains(p)) {
            return Err(MeetingError::UnknownParticipant);
        }
        Ok(MeetingPlan { title, starts_at, minutes, place, video_link, participants })
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        plus_minutes(self.starts_at, i64::from(self.minutes))
    }
}

/// What one person said in the meeting, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voice {
    pub hopes: String,
    pub worries: String,
    pub support: String,
}

impl Voice {
    pub fn parse(hopes: &str, worries: &str, support: &str) -> Result<Self, MeetingError> {
        let [hopes, worries, support] =
            [hopes, worries, support].map(|t| bounded(t, MAX_TEXT).map(Option::unwrap_or_default));
        let voice = Voice { hopes: hopes?, worries: worries?, support: support? };
        if voice.hopes.is_empty() && voice.worries.is_empty() && voice.support.is_empty() {
            return Err(MeetingError::VoiceEmpty);
        }
        Ok(voice)
    }
}

/// The agreed steps from the form's rows (`what`, `owner`, `due` side by side). Rows left wholly
/// empty are skipped; any other row must be a complete action. `team` holds who may own one.
pub fn parse_steps(
    what: &[String],
    owner: &[String],
    due: &[String],
    team: &[UserId],
    today: chrono::NaiveDate,
) -> Result<Vec<NewAction>, MeetingError> {
    let rows = what.len().max(owner.len()).max(due.len());
    let cell = |column: &[String], row: usize| column.get(row).map(|s| s.trim().to_string()).unwrap_or_default();
    let mut steps = Vec::new();
    for row in 0..rows {
        let (w, o, d) = (cell(what, row), cell(owner, row), cell(due, row));
        if w.is_empty() && o.is_empty() && d.is_empty() {
            continue;
        }
        let owner_id = o.parse::<UserId>().ok();
        let step = parse_new_action(&w, owner_id, &d, None, team, today)
            .map_err(|problem| MeetingError::Step { row: row + 1, problem })?;
        steps.push(step);
    }
    if steps.is_empty() {
        return Err(MeetingError::NoSteps);
    }
    Ok(steps)
}

/// One meeting as an invitation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Stable across downloads, so a calendar updates the event instead of adding another.
    pub uid: String,
    pub stamp: DateTime<Utc>,
    pub meeting: MeetingPlan,
    pub participant_names: Vec<String>,
    pub organiser: String,
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
    out
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

impl Invitation {
    /// The invitation as an iCalendar file (CRLF line ends, folded lines).
    pub fn to_ics(&self) -> String {
        let m = &self.meeting;
        let location = match (&m.place, &m.video_link) {
            (Some(place), Some(link)) => format!("{place} / {link}"),
            (Some(place), None) => place.clone(),
            (None, Some(link)) => link.clone(),
            (None, None) => String::new(),
        };
        let mut description = format!("{}: {}", self.organiser, self.participant_names.join(", "));
        if let Some(link) = &m.video_link {
            description.push_str(&format!("\n{link}"));
        }
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".to_string(),
            "PRODID:-//Polku//Verkostokokous//FI".to_string(),
            "CALSCALE:GREGORIAN".to_string(),
            "METHOD:PUBLISH".to_string(),
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", self.uid),
            format!("DTSTAMP:{}", utc_stamp(self.stamp)),
            format!("DTSTART:{}", utc_stamp(m.starts_at)),
            format!("DTEND:{}", utc_stamp(m.ends_at())),
            format!("SUMMARY:{}", escape(&m.title)),
            format!("LOCATION:{}", escape(&location)),
            format!("DESCRIPTION:{}", escape(&description)),
        ];
        if let Some(link) = &m.video_link {
            lines.push(format!("URL:{link}"));
        }
        lines.extend(["END:VEVENT".to_string(), "END:VCALENDAR".to_string()]);
        lines.iter().map(|l| fold(l)).collect()
    }
}

/// A meeting's start in Finnish wall-clock time, for a datetime-local field.
pub fn local_input(at: DateTime<Utc>) -> String {
    finnish_time(at).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc()
    }

    fn raw() -> RawMeeting {
        RawMeeting {
            title: "Verkostokokous".into(),
            starts: "2026-12-01T13:00".into(),
            minutes: "90".into(),
            place: "Järvelän sote-keskus, neuvotteluhuone 2".into(),
            video_link: String::new(),
            participants: vec![UserId(7), UserId(3), UserId(7)],
        }
    }

    #[test]
    fn a_meeting_is_parsed_in_finnish_time_with_a_reason_for_each_mistake() {
        let team = [UserId(3), UserId(7), UserId(9)];
        let ok = MeetingPlan::parse(&raw(), &team, now()).unwrap();
        assert_eq!(
            ok.starts_at,
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(11, 0, 0).unwrap().and_utc()
        );
        assert_eq!(ok.participants, vec![UserId(3), UserId(7)], "sorted, each once");
        assert_eq!(local_input(ok.starts_at), "2026-12-01T13:00");
        let bad = |r: RawMeeting| MeetingPlan::parse(&r, &team, now()).unwrap_err();
        assert_eq!(bad(RawMeeting { title: " ".into(), ..raw() }), MeetingError::TitleEmpty);
        assert_eq!(bad(RawMeeting { starts: "1.12.2026 13:00".into(), ..raw() }), MeetingError::StartInvalid);
        assert_eq!(bad(RawMeeting { starts: "2026-11-20T13:00".into(), ..raw() }), MeetingError::StartInPast);
        assert_eq!(bad(RawMeeting { minutes: "5".into(), ..raw() }), MeetingError::DurationOutOfRange);
        assert_eq!(bad(RawMeeting { place: String::new(), ..raw() }), MeetingError::NoPlace);
        assert_eq!(bad(RawMeeting { video_link: "http://meet.example".into(), ..raw() }), MeetingError::LinkInvalid);
        assert_eq!(bad(RawMeeting { participants: vec![], ..raw() }), MeetingError::NoParticipants);
        assert_eq!(
            bad(RawMeeting { participants: vec![UserId(3), UserId(99)], ..raw() }),
            MeetingError::UnknownParticipant
        );
        let video = MeetingPlan::parse(
            &RawMeeting { place: String::new(), video_link: "https://meet.example/abc".into(), ..raw() },
            &team,
            now(),
        );
        assert!(video.is_ok(), "a video link alone is a place");
    }

    #[test]
    fn a_voice_needs_words_and_steps_need_an_owner_and_a_date() {
        assert_eq!(Voice::parse(" ", "", "\n"), Err(MeetingError::VoiceEmpty));
        assert_eq!(Voice::parse("Haluan kotiin", "", "").unwrap().hopes, "Haluan kotiin");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let steps = parse_steps(
            &s(&["Kaiteet", "", "Ryhmä"]),
            &s(&["7", "", "9"]),
            &s(&["2026-12-01", "", "2026-12-05"]),
            &[UserId(7), UserId(9)],
            today,
        )
        .unwrap();
        assert_eq!(steps.len(), 2, "the empty row is skipped");
        assert_eq!(
            parse_steps(
                &s(&["Kaiteet", "Ryhmä"]),
                &s(&["7", "5"]),
                &s(&["2026-12-01", "2026-12-05"]),
                &[UserId(7), UserId(9)],
                today
            ),
            Err(MeetingError::Step { row: 2, problem: PlanError::OwnerNotOnTeam })
        );
        assert_eq!(parse_steps(&s(&[""]), &s(&[""]), &s(&[""]), &[UserId(7)], today), Err(MeetingError::NoSteps));
    }

    #[test]
    fn the_invitation_is_folded_escaped_icalendar() {
        let meeting = MeetingPlan {
            title: "Verkostokokous; Eino, tiimi".into(),
            starts_at: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(11, 0, 0).unwrap().and_utc(),
            minutes: 90,
            place: Some("Järvelän sote-keskus".into()),
            video_link: None,
            participants: vec![UserId(1), UserId(2)],
        };
        let ics = Invitation {
            uid: "meeting-5@polku".into(),
            stamp: now(),
            meeting,
            participant_names: vec!["Eino Mäntylä".into(); 12],
            organiser: "Sanna Virtanen".into(),
        }
        .to_ics();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("\r\nDTSTART:20261201T110000Z\r\nDTEND:20261201T123000Z\r\n"));
        assert!(ics.contains("SUMMARY:Verkostokokous\\; Eino\\, tiimi\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert!(ics.contains("\r\n "), "the long description is folded");
    }
}
