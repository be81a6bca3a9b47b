//! `scale [factor]`: fills the database at `DATABASE_URL` with a wellbeing area's fictional data
//! for the scale benchmark (`make bench-scale`): the schema and the demo data first, then
//! `factor` × the area of issue 21 (1 = 100,000 clients; default 1). Refuses a database that
//! already holds generated data.

use app::store::entities::coordinator_pair;
use sea_orm::{EntityTrait, PaginatorTrait};
use std::time::Instant;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let factor: f64 = match std::env::args().nth(1) {
        None => 1.0,
        Some(raw) => raw.parse().ok().filter(|f: &f64| *f > 0.0 && *f <= 10.0).ok_or_else(|| {
            format!("the size {raw:?} is not a factor from 0 to 10 (1 is a wellbeing area of 100,000 clients)")
        })?,
    };
    let url = std::env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL to the database to fill")?;
    let started = Instant::now();
    let db = server::connect(&url, None).await?;
    server::prepare(&db, true).await?;
    if coordinator_pair::Entity::find().count(&db).await? > 2 {
        return Err("this database already holds generated data: give an empty one".into());
    }
    let size = server::scale::Size::area(factor);
    println!("Generating {size:?}");
    let written = server::scale::generate(&db, size, chrono::Utc::now()).await?;
    print!("{written}");
    println!("in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
