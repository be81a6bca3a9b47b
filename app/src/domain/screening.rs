//! Screening at identification. Finnish client segmentation places a person on two axes, coping
//! in everyday life × health and wellbeing risk, giving four groups: self-managing, support, care
//! and collaboration clients. The collaboration quadrant is the multidisciplinary target group.
//! Signals (many services in use, frequent contacts, needs in several life areas) can bring a
//! support or care client into the target group too.
//!
//! The domain only proposes, with its reasons in words; a coordinator decides.

use serde::{Deserialize, Serialize};

/// Coping in everyday life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coping {
    Good,
    Reduced,
}

/// Amount of health and wellbeing risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Low,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// Copes well, low risk: digital and self-service help.
    SelfManaging,
    /// Reduced coping, low risk: support and guidance.
    Support,
    /// Copes well, high risk: mainly care from one sector.
    Care,
    /// Reduced coping, high risk: the multidisciplinary target group.
    Collaboration,
}

impl Coping {
    pub fn as_str(self) -> &'static str {
        match self {
            Coping::Good => "good",
            Coping::Reduced => "reduced",
        }
    }
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::High => "high",
        }
    }
}

impl Segment {
    pub fn of(coping: Coping, risk: Risk) -> Segment {
        match (coping, risk) {
            (Coping::Good, Risk::Low) => Segment::SelfManaging,
            (Coping::Reduced, Risk::Low) => Segment::Support,
            (Coping::Good, Risk::High) => Segment::Care,
            (Coping::Reduced, Risk::High) => Segment::Collaboration,
        }
    }
}

/// Signals of a need for many services at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signals {
    /// Services the person uses now (social care, health care and others).
    pub services_in_use: u32,
    /// Contacts with services in the last three months.
    pub recent_contacts: u32,
    /// Life areas (SHL 11 §) with a need.
    pub life_areas_with_needs: u32,
}

pub const MANY_SERVICES: u32 = 3;
pub const FREQUENT_CONTACTS: u32 = 10;
pub const SEVERAL_LIFE_AREAS: u32 = 3;

/// One reason behind a proposal, to be put in words in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reason {
    Quadrant { segment: Segment },
    ManyServices { count: u32 },
    FrequentContacts { count: u32 },
    SeveralLifeAreas { count: u32 },
    FewSignals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub segment: Segment,
    pub target_group: bool,
    pub reasons: Vec<Reason>,
}

/// Proposes whether the person belongs to the multidisciplinary target group, and why.
pub fn propose(coping: Coping, risk: Risk, signals: Signals) -> Proposal {
    let segment = Segment::of(coping, risk);
    let mut reasons = vec![Reason::Quadrant { segment }];
    if signals.services_in_use >= MANY_SERVICES {
        reasons.push(Reason::ManyServices { count: signals.services_in_use });
    }
    if signals.recent_contacts >= FREQUENT_CONTACTS {
        reasons.push(Reason::FrequentContacts { count: signals.recent_contacts });
    }
    if signals.life_areas_with_needs >= SEVERAL_LIFE_AREAS {
        reasons.push(Reason::SeveralLifeAreas { count: signals.life_areas_with_needs });
    }
    let strong_signals = reasons.len() - 1;
    let target_group = match segment {
        Segment::Collaboration => true,
        Segment::Support | Segment::Care => strong_signals >= 2,
        Segment::SelfManaging => false,
    };
    if strong_signals == 0 {
        reasons.push(Reason::FewSignals);
    }
    Proposal { segment, target_group, reasons }
}

/// The screening part of a coordinator's decision form, as text before parsing: the coping and
/// risk choices and the three counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawScreening {
    pub coping: String,
    pub risk: String,
    pub services_in_use: String,
    pub recent_contacts: String,
    pub life_areas_with_needs: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Signals = Signals { services_in_use: 0, recent_contacts: 0, life_areas_with_needs: 0 };
    const MANY: Signals = Signals { services_in_use: 4, recent_contacts: 12, life_areas_with_needs: 5 };

    #[test]
    fn the_quadrant_follows_coping_and_risk() {
        assert_eq!(Segment::of(Coping::Good, Risk::Low), Segment::SelfManaging);
        assert_eq!(Segment::of(Coping::Reduced, Risk::Low), Segment::Support);
        assert_eq!(Segment::of(Coping::Good, Risk::High), Segment::Care);
        assert_eq!(Segment::of(Coping::Reduced, Risk::High), Segment::Collaboration);
    }

    #[test]
    fn the_collaboration_quadrant_is_the_target_group_even_without_signals() {
        let p = propose(Coping::Reduced, Risk::High, NONE);
        assert!(p.target_group);
        assert_eq!(p.reasons, vec![Reason::Quadrant { segment: Segment::Collaboration }, Reason::FewSignals]);
    }

    #[test]
    fn self_managing_people_are_never_proposed() {
        assert!(!propose(Coping::Good, Risk::Low, MANY).target_group);
    }

    #[test]
    fn two_strong_signals_bring_a_support_or_care_client_in() {
        let two = Signals { services_in_use: 3, recent_contacts: 2, life_areas_with_needs: 3 };
        let one = Signals { services_in_use: 3, recent_contacts: 2, life_areas_with_needs: 1 };
        for (coping, risk) in [(Coping::Reduced, Risk::Low), (Coping::Good, Risk::High)] {
            let p = propose(coping, risk, two);
            assert!(p.target_group);
            assert!(p.reasons.contains(&Reason::ManyServices { count: 3 }));
            assert!(p.reasons.contains(&Reason::SeveralLifeAreas { count: 3 }));
            assert!(!propose(coping, risk, one).target_group);
        }
    }

    #[test]
    fn thresholds_are_inclusive() {
        let at =
            Signals { services_in_use: MANY_SERVICES, recent_contacts: FREQUENT_CONTACTS, life_areas_with_needs: 0 };
        let below = Signals {
            services_in_use: MANY_SERVICES - 1,
            recent_contacts: FREQUENT_CONTACTS - 1,
            life_areas_with_needs: 0,
        };
        assert!(propose(Coping::Reduced, Risk::Low, at).target_group);
        assert!(!propose(Coping::Reduced, Risk::Low, below).target_group);
        assert_eq!(propose(Coping::Reduced, Risk::Low, below).reasons.last(), Some(&Reason::FewSignals));
    }
}
