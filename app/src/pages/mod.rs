//! One module per page.

mod admin;
mod assessment;
mod board;
mod case;
mod cases;
mod concern;
mod feedback;
mod home;
mod login;
mod meetings;
mod not_found;
mod notifications;
mod pathway;
mod plan;
mod process;
mod screening;
mod team;

pub use admin::AdminPage;
pub use assessment::AssessmentPage;
pub use board::BoardsPage;
pub use case::CasePage;
pub use cases::MyCasesPage;
pub use concern::RaiseConcernPage;
pub use feedback::FeedbackPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use meetings::{MeetingDetailPage, MeetingsListPage};
pub use not_found::NotFound;
pub use notifications::NotificationsPage;
pub use pathway::PathwayPage;
pub use plan::PlanPage;
pub use process::ProcessPage;
pub use screening::ScreeningPage;
