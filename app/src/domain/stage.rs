//! The stages a case moves through and which moves the process allows.
//!
//! The process (DOMAIN.md): identification → service-need assessment → multidisciplinary
//! collaboration → follow-up → closure, with reassessment when needs change and reopening of a
//! closed case. Moves into the collaboration and follow-up stages need a complete coordinator
//! pair, because the pair owns the case from then on, and collaboration starts only from a
//! completed service-need assessment (the plan is built on it).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Identification,
    Assessment,
    Collaboration,
    FollowUp,
    Closed,
}

impl Stage {
    /// Every stage in process order.
    pub const ALL: [Stage; 5] =
        [Stage::Identification, Stage::Assessment, Stage::Collaboration, Stage::FollowUp, Stage::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Identification => "identification",
            Stage::Assessment => "assessment",
            Stage::Collaboration => "collaboration",
            Stage::FollowUp => "follow_up",
            Stage::Closed => "closed",
        }
    }

    /// Position in the process, 0-based.
    pub fn position(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next stage forward on the ordinary path, if any.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Identification => Some(Stage::Assessment),
            Stage::Assessment => Some(Stage::Collaboration),
            Stage::Collaboration => Some(Stage::FollowUp),
            Stage::FollowUp => Some(Stage::Closed),
            Stage::Closed => None,
        }
    }

    /// Every stage the process allows a move to from this one, the ordinary next step first.
    pub fn targets(self) -> &'static [Stage] {
        match self {
            // Screened out: not the multidisciplinary target group after all.
            Stage::Identification => &[Stage::Assessment, Stage::Closed],
            // The client may decline after the assessment.
            Stage::Assessment => &[Stage::Collaboration, Stage::Closed],
            Stage::Collaboration => &[Stage::FollowUp],
            // Needs changed: back to collaboration or to a new assessment.
            Stage::FollowUp => &[Stage::Closed, Stage::Collaboration, Stage::Assessment],
            // Reopening a closed case starts with a reassessment.
            Stage::Closed => &[Stage::Assessment],
        }
    }

    /// Whether the case in this stage is run by its coordinator pair.
    pub fn needs_coordinator_pair(self) -> bool {
        matches!(self, Stage::Collaboration | Stage::FollowUp)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = TransitionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|stage| stage.as_str() == s)
            .ok_or_else(|| TransitionError::UnknownStage { stage: super::shortened(s) })
    }
}

/// What the transition rules need to know about a case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseFacts {
    pub has_social_coordinator: bool,
    pub has_health_coordinator: bool,
    /// A completed assessment version exists and no amendment is open.
    pub assessment_completed: bool,
}

impl CaseFacts {
    pub fn has_coordinator_pair(self) -> bool {
        self.has_social_coordinator && self.has_health_coordinator
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TransitionError {
    #[error("'{stage}' is not a stage")]
    UnknownStage { stage: String },
    #[error("the case is already in stage {stage}")]
    SameStage { stage: Stage },
    #[error("a case cannot move from {from} to {to}")]
    NotAllowed { from: Stage, to: Stage },
    #[error("moving to {to} needs a coordinator pair of one social-care and one health-care professional")]
    CoordinatorPairMissing { to: Stage },
    #[error("collaboration starts when the service-need assessment is completed")]
    AssessmentNotCompleted,
    #[error("closing a case needs a closure summary and a handover or continuation note")]
    ClosingNeedsSummary,
}

/// Checks one move of a case against the process rules.
pub fn check_transition(from: Stage, to: Stage, facts: CaseFacts) -> Result<(), TransitionError> {
    if from == to {
        return Err(TransitionError::SameStage { stage: from });
    }
    if !from.targets().contains(&to) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    if to.needs_coordinator_pair() && !facts.has_coordinator_pair() {
        return Err(TransitionError::CoordinatorPairMissing { to });
    }
    if from == Stage::Assessment && to == Stage::Collaboration && !facts.assessment_completed {
        return Err(TransitionError::AssessmentNotCompleted);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: CaseFacts =
        CaseFacts { has_social_coordinator: true, has_health_coordinator: true, assessment_completed: true };

    #[test]
    fn the_ordinary_path_runs_through_every_stage_in_order() {
        let mut stage = Stage::Identification;
        let mut path = vec![stage];
        while let Some(next) = stage.next() {
            assert_eq!(check_transition(stage, next, PAIR), Ok(()));
            stage = next;
            path.push(stage);
        }
        assert_eq!(path, Stage::ALL.to_vec());
    }

    #[test]
    fn skipping_a_stage_is_refused() {
        assert_eq!(
            check_transition(Stage::Identification, Stage::Collaboration, PAIR),
            Err(TransitionError::NotAllowed { from: Stage::Identification, to: Stage::Collaboration })
        );
        assert!(check_transition(Stage::Assessment, Stage::FollowUp, PAIR).is_err());
        assert!(check_transition(Stage::Closed, Stage::Collaboration, PAIR).is_err());
    }

    #[test]
    fn staying_in_the_same_stage_is_not_a_move() {
        assert_eq!(
            check_transition(Stage::Assessment, Stage::Assessment, PAIR),
            Err(TransitionError::SameStage { stage: Stage::Assessment })
        );
    }

    #[test]
    fn collaboration_needs_both_coordinators() {
        for facts in [
            CaseFacts::default(),
            CaseFacts { has_social_coordinator: true, has_health_coordinator: false, assessment_completed: true },
            CaseFacts { has_social_coordinator: false, has_health_coordinator: true, assessment_completed: true },
        ] {
            assert_eq!(
                check_transition(Stage::Assessment, Stage::Collaboration, facts),
                Err(TransitionError::CoordinatorPairMissing { to: Stage::Collaboration })
            );
        }
    }

    #[test]
    fn collaboration_starts_from_a_completed_assessment() {
        let open = CaseFacts { assessment_completed: false, ..PAIR };
        assert_eq!(
            check_transition(Stage::Assessment, Stage::Collaboration, open),
            Err(TransitionError::AssessmentNotCompleted)
        );
        assert_eq!(check_transition(Stage::Assessment, Stage::Closed, open), Ok(()), "the client may decline");
        assert_eq!(check_transition(Stage::FollowUp, Stage::Collaboration, open), Ok(()));
    }

    #[test]
    fn identification_and_closure_do_not_need_the_pair() {
        assert_eq!(check_transition(Stage::Identification, Stage::Assessment, CaseFacts::default()), Ok(()));
        assert_eq!(check_transition(Stage::Identification, Stage::Closed, CaseFacts::default()), Ok(()));
    }

    #[test]
    fn closed_cases_reopen_through_reassessment() {
        assert_eq!(Stage::Closed.targets(), &[Stage::Assessment]);
        assert_eq!(check_transition(Stage::Closed, Stage::Assessment, CaseFacts::default()), Ok(()));
        assert_eq!(check_transition(Stage::FollowUp, Stage::Assessment, PAIR), Ok(()));
    }

    #[test]
    fn stages_round_trip_through_their_names() {
        for stage in Stage::ALL {
            assert_eq!(stage.as_str().parse::<Stage>(), Ok(stage));
            assert_eq!(stage.position(), Stage::ALL.iter().position(|s| *s == stage).unwrap());
        }
        assert_eq!("done".parse::<Stage>(), Err(TransitionError::UnknownStage { stage: "done".into() }));
    }

    #[test]
    fn transition_errors_serialise_with_their_kind() {
        let json = serde_json::to_value(TransitionError::SameStage { stage: Stage::Closed }).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "same_stage", "stage": "closed"}));
    }

    #[test]
    fn every_target_is_a_different_stage() {
        for stage in Stage::ALL {
            assert!(!stage.targets().contains(&stage));
            if let Some(next) = stage.next() {
                assert_eq!(stage.targets().first(), Some(&next), "next() leads targets() for {stage}");
            }
        }
    }
}
