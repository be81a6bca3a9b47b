//! The service process as the process map draws it: each stage's steps in order, who takes part
//! in each, what it records, the legal deadline that runs there and the guiding principles that
//! act there (DOMAIN.md). The words are in the locale files; this module holds the structure,
//! the order the map is walked in by keyboard, and which step a case is in from its facts.

use super::stage::Stage;
use serde::{Deserialize, Serialize};

/// A step on the map, in the order of the service path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Anyone raises a concern in their own words.
    Concern,
    /// The coordinators check urgency, place the person on the segmentation quadrant and ask
    /// for consent to go on; a coordinator pair is proposed.
    Screening,
    /// The service need is assessed in dialogue (a network meeting or a home visit).
    Assessment,
    /// "Minun tiimini": the team is chosen with the client.
    Team,
    /// The client plan, with the client's goals in their own words.
    Plan,
    /// Dialogic network meetings ending in agreed next steps.
    Meetings,
    /// Scheduled reviews score each goal, the client's own score beside.
    Review,
    /// The client's feedback after meetings and at closure.
    Feedback,
    /// Closure with a handover or continuation note; reassessment when needs change.
    Closure,
}

/// The guiding principles of the Ylöjärvi model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Principle {
    OpenDialogue,
    SystemicThinking,
    Participation,
}

/// Who takes part in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Client,
    Relatives,
    Professionals,
    CoordinatorPair,
}

/// A legal deadline that runs in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// Social care checks at once whether urgent help is needed.
    UrgentHelpAtOnce,
    /// The assessment starts without delay, by the 7th working day for people aged 75 or over
    /// or on the highest care allowance (Social Welfare Act 36 §).
    AssessmentStart,
    /// The plan names the date of its next review (Social Welfare Act 39 §).
    ReviewDate,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Concern,
        Step::Screening,
        Step::Assessment,
        Step::Team,
        Step::Plan,
        Step::Meetings,
        Step::Review,
        Step::Feedback,
        Step::Closure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Concern => "concern",
            Step::Screening => "screening",
            Step::Assessment => "assessment",
            Step::Team => "team",
            Step::Plan => "plan",
            Step::Meetings => "meetings",
            Step::Review => "review",
            Step::Feedback => "feedback",
            Step::Closure => "closure",
        }
    }

    pub fn stage(self) -> Stage {
        match self {
            Step::Concern | Step::Screening => Stage::Identification,
            Step::Assessment => Stage::Assessment,
            Step::Team | Step::Plan | Step::Meetings => Stage::Collaboration,
            Step::Review | Step::Feedback => Stage::FollowUp,
            Step::Closure => Stage::Closed,
        }
    }

    /// The steps of one stage, in order.
    pub fn of_stage(stage: Stage) -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(move |s| s.stage() == stage)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step the map moves to with the "next" arrow key; the last step stays put.
    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(self)
    }

    /// The step the map moves to with the "previous" arrow key; the first step stays put.
    pub fn previous(self) -> Step {
        self.index().checked_sub(1).map_or(self, |i| Step::ALL[i])
    }

    pub fn parties(self) -> &'static [Party] {
        use Party::*;
        match self {
            Step::Concern => &[Client, Relatives, Professionals],
            Step::Screening => &[CoordinatorPair, Client],
            Step::Assessment | Step::Meetings | Step::Review => &[Client, Relatives, Professionals, CoordinatorPair],
            Step::Team => &[Client, CoordinatorPair, Relatives, Professionals],
            Step::Plan => &[Client, CoordinatorPair, Professionals],
            Step::Feedback => &[Client, Relatives],
            Step::Closure => &[CoordinatorPair, Client],
        }
    }

    pub fn principles(self) -> &'static [Principle] {
        use Principle::*;
        match self {
            Step::Concern | Step::Feedback => &[Participation],
            Step::Screening => &[SystemicThinking],
            Step::Assessment | Step::Meetings => &[OpenDialogue, SystemicThinking, Participation],
            Step::Team => &[SystemicThinking, Participation],
            Step::Plan | Step::Review => &[Participation, OpenDialogue],
            Step::Closure => &[Participation],
        }
    }

    pub fn deadline(self) -> Option<Deadline> {
        match self {
            Step::Screening => Some(Deadline::UrgentHelpAtOnce),
            Step::Assessment => Some(Deadline::AssessmentStart),
            Step::Plan | Step::Review => Some(Deadline::ReviewDate),
            _ => None,
        }
    }
}

/// What is known about a case that places it on a step within its stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepFacts {
    /// Someone besides the coordinator pair is on the team.
    pub team_formed: bool,
    /// The plan has at least one goal.
    pub plan_has_goals: bool,
    /// The plan has been reviewed at least once.
    pub reviewed: bool,
}

/// The step a case in `stage` is in. Identification cases are being screened (a concern becomes
/// a case when it is accepted); collaboration moves from forming the team to the plan to the
/// meetings; follow-up from the review to gathering feedback.
pub fn current_step(stage: Stage, facts: StepFacts) -> Step {
    match stage {
        Stage::Identification => Step::Screening,
        Stage::Assessment => Step::Assessment,
        Stage::Collaboration if !facts.team_formed => Step::Team,
        Stage::Collaboration if !facts.plan_has_goals => Step::Plan,
        Stage::Collaboration => Step::Meetings,
        Stage::FollowUp if !facts.reviewed => Step::Review,
        Stage::FollowUp => Step::Feedback,
        Stage::Closed => Step::Closure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_follow_the_stages_in_order() {
        let stages: Vec<Stage> = Step::ALL.iter().map(|s| s.stage()).collect();
        let mut sorted = stages.clone();
        sorted.sort_by_key(|s| s.position());
        assert_eq!(stages, sorted, "no step comes before a step of an earlier stage");
        for stage in Stage::ALL {
            assert!(Step::of_stage(stage).next().is_some(), "{stage:?} has a step on the map");
        }
        assert_eq!(Step::of_stage(Stage::Collaboration).collect::<Vec<_>>(), vec![Step::Team, Step::Plan, Step::Meetings]);
    }

    #[test]
    fn arrow_keys_walk_the_map_and_stop_at_its_ends() {
        let mut walked = vec![Step::Concern];
        while walked.last().unwrap().next() != *walked.last().unwrap() {
            walked.push(walked.last().unwrap().next());
        }
        assert_eq!(walked, Step::ALL.to_vec());
        assert_eq!(Step::Closure.next(), Step::Closure);
        assert_eq!(Step::Concern.previous(), Step::Concern);
        for step in Step::ALL.into_iter().skip(1) {
            assert_eq!(step.previous().next(), step);
        }
    }

    #[test]
    fn the_client_takes_part_in_every_step_and_dialogue_acts_where_people_meet() {
        for step in Step::ALL {
            assert!(step.parties().contains(&Party::Client), "{step:?}");
            assert!(!step.principles().is_empty(), "{step:?}");
        }
        for step in [Step::Assessment, Step::Meetings] {
            assert!(step.principles().contains(&Principle::OpenDialogue));
        }
        assert_eq!(Step::Assessment.deadline(), Some(Deadline::AssessmentStart));
        assert_eq!(Step::Screening.deadline(), Some(Deadline::UrgentHelpAtOnce));
        assert_eq!(Step::Team.deadline(), None);
    }

    #[test]
    fn a_case_is_placed_on_the_step_its_facts_say() {
        let none = StepFacts::default();
        assert_eq!(current_step(Stage::Identification, none), Step::Screening);
        assert_eq!(current_step(Stage::Assessment, none), Step::Assessment);
        assert_eq!(current_step(Stage::Collaboration, none), Step::Team);
        let team = StepFacts { team_formed: true, ..none };
        assert_eq!(current_step(Stage::Collaboration, team), Step::Plan);
        let goals = StepFacts { plan_has_goals: true, ..team };
        assert_eq!(current_step(Stage::Collaboration, goals), Step::Meetings);
        assert_eq!(current_step(Stage::FollowUp, goals), Step::Review);
        assert_eq!(current_step(Stage::FollowUp, StepFacts { reviewed: true, ..goals }), Step::Feedback);
        assert_eq!(current_step(Stage::Closed, goals), Step::Closure);
        for stage in Stage::ALL {
            assert_eq!(current_step(stage, none).stage(), stage, "the step is always within the case's stage");
        }
    }
}
