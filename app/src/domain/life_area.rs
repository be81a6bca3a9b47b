//! The life areas of the Social Welfare Act 11 § in which a person may need support; a concern
//! names the areas it touches and the service-need assessment weighs each one.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    DailyLiving,
    Housing,
    Finances,
    SocialRelations,
    ViolenceOrCrisis,
    ChildDevelopment,
    SubstanceUse,
    MentalHealth,
    Illness,
    FunctionalAbility,
    SupportForRelatives,
}

impl LifeArea {
    pub const ALL: [LifeArea; 11] = [
        LifeArea::DailyLiving,
        LifeArea::Housing,
        LifeArea::Finances,
        LifeArea::SocialRelations,
        LifeArea::ViolenceOrCrisis,
        LifeArea::ChildDevelopment,
        LifeArea::SubstanceUse,
        LifeArea::MentalHealth,
        LifeArea::Illness,
        LifeArea::FunctionalAbility,
        LifeArea::SupportForRelatives,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LifeArea::DailyLiving => "daily_living",
            LifeArea::Housing => "housing",
            LifeArea::Finances => "finances",
            LifeArea::SocialRelations => "social_relations",
            LifeArea::ViolenceOrCrisis => "violence_or_crisis",
            LifeArea::ChildDevelopment => "child_development",
            LifeArea::SubstanceUse => "substance_use",
            LifeArea::MentalHealth => "mental_health",
            LifeArea::Illness => "illness",
            LifeArea::FunctionalAbility => "functional_ability",
            LifeArea::SupportForRelatives => "support_for_relatives",
        }
    }
}

impl FromStr for LifeArea {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LifeArea::ALL.into_iter().find(|a| a.as_str() == s).ok_or_else(|| format!("unknown life area '{s}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for area in LifeArea::ALL {
            assert_eq!(area.as_str().parse::<LifeArea>(), Ok(area));
        }
        assert!("weather".parse::<LifeArea>().is_err());
    }
}
