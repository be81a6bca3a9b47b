//! Legal-basis access rows read back into their domain types.

use crate::domain::consent::{LegalBasis, Register};
use crate::error::AppError;
use crate::store::entities::legal_access;

/// The register a recorded legal basis opened and its ground; anything else is a fault of the data.
pub fn ground(row: &legal_access::Model) -> Result<(Register, LegalBasis), AppError> {
    let register = Register::parse(&row.register).ok_or(AppError::Internal)?;
    let basis = LegalBasis::parse(&row.basis).ok_or(AppError::Internal)?;
    Ok((register, basis))
}
