//! `/admin`: the staff directory. No client content is shown here.

use crate::api::staff_directory;
use crate::components::labels;
use crate::components::{ErrorMessage, Loading, PageTitle};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let staff = Resource::new(|| (), |_| staff_directory());
    view! {
        <section aria-labelledby="admin-title">
            <PageTitle text=move || t_string!(i18n, admin.title)/>
            <h1 id="admin-title">{t!(i18n, admin.title)}</h1>
            <p class="lead">{t!(i18n, admin.intro)}</p>
            <h2>{t!(i18n, admin.staff)}</h2>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match staff.await {
                        Ok(rows) => view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, admin.staff).to_string()>
                                <table class="staff">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, admin.name)}</th>
                                            <th scope="col">{t!(i18n, admin.username)}</th>
                                            <th scope="col">{t!(i18n, admin.role)}</th>
                                            <th scope="col">{t!(i18n, admin.profession)}</th>
                                            <th scope="col">{t!(i18n, admin.sector)}</th>
                                            <th scope="col">{t!(i18n, admin.organisation)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|row| {
                                            let role = row.role;
                                            let sector = row.sector;
                                            view! {
                                                <tr>
                                                    <td>{row.name}</td>
                                                    <td>{row.username}</td>
                                                    <td>{move || labels::role(i18n, role)}</td>
                                                    <td>{row.profession}</td>
                                                    <td>{move || labels::sector(i18n, sector)}</td>
                                                    <td>{row.organisation}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
