//! Server functions: the application's HTTP API under `/api`. Each one is thin: it authorises on
//! the server, parses its input, calls a use case in `service`, and maps every failure to
//! an `AppError` with its status code.

pub mod admin;
pub mod assessment;
pub mod audit;
pub mod auth;
pub mod board;
pub mod cases;
pub mod concerns;
pub mod feedback;
pub mod meetings;
pub mod pathway;
pub mod plan;
pub mod privacy;
pub mod process;
#[cfg(feature = "ssr")]
pub mod respond;
pub mod team;

pub use admin::*;
pub use assessment::*;
pub use audit::*;
pub use auth::*;
pub use board::*;
pub use cases::*;
pub use concerns::*;
pub use feedback::*;
pub use meetings::*;
pub use pathway::*;
pub use plan::*;
pub use privacy::*;
pub use process::*;
pub use team::*;
