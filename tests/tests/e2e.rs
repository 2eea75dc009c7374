//! End-to-end tests through the core's public API, and tidy checks on the repository.

mod golden {
    //! Figures from the seed papers that the model must reproduce or flag.

    use caseflow_core::{Model, Scenario};
    use rust_decimal::Decimal;

    fn model() -> Model {
        Model::new().unwrap()
    }

    fn preset(id: &str) -> Scenario {
        model().preset(id).unwrap().scenario.clone()
    }

    #[test]
    fn the_corona_tracks_cost_1_645_000_euros() {
        // seed 000 §3: 200 × €2,000 + 220 × €3,000 + 130 × €4,500 = €1,645,000.
        let r = model().run(&preset("corona-2021")).unwrap();
        let planned: Decimal = r.programmes.iter().map(|p| p.planned_cost_eur).sum();
        assert_eq!(planned, Decimal::from(1_645_000));
        let participants: f64 = r.programmes.iter().map(|p| p.participants_planned).sum();
        assert_eq!(participants, 550.0);
        // Everyone starts within the horizon; cost is paid as they start, to the cent.
        let paid = r.summary.programme_cost_eur;
        assert!(
            (paid - Decimal::from(1_645_000)).abs() <= Decimal::ONE,
            "{paid}"
        );
    }

    #[test]
    fn seven_percent_growth_shows_its_base_period_and_people_and_flags_the_papers_550() {
        let r = model().run(&preset("corona-2021")).unwrap();
        let g = r.growth_shock.as_ref().unwrap();
        assert_eq!(g.pct, 7.0);
        assert_eq!(g.base_benefits, r.summary.benefits_start);
        assert_eq!(g.months, 12);
        assert_eq!(g.from.to_string(), "2021-01");
        assert!((g.extra_inflow_benefits - 0.07 * 4633.0).abs() < 1e-9);
        assert!(
            (360.0..380.0).contains(&g.extra_inflow_people),
            "{}",
            g.extra_inflow_people
        );
        // The paper's "about 550 people" is a claim, shown as a note, not a model result.
        let note = r
            .notes
            .iter()
            .find(|n| n.id == "paper-550")
            .expect("the 550 note");
        assert_eq!(note.source, "seed 000 §3");
        assert!(note.en.contains("200 + 220 + 130"));
    }

    #[test]
    fn start_stocks_come_from_the_seeds() {
        let r = model().run(&Scenario::default()).unwrap();
        let start = |id: &str| {
            r.municipalities
                .iter()
                .find(|m| m.id == id)
                .unwrap()
                .summary
                .benefits_start
        };
        // seed 000 §2: Maastricht 3,723 on 1 Dec 2020.
        assert_eq!(start("maastricht"), 3723.0);
        // The five others: region 4,478 (seed 002) − Maastricht 3,568 (seed 000) = 910, by the
        // seed 003 key.
        let others: f64 = r.municipalities[1..]
            .iter()
            .map(|m| m.summary.benefits_start)
            .sum();
        assert_eq!(others, 910.0);
        assert_eq!(start("vaals"), (910.0f64 * 5.16 / 21.92).round());
        // People per benefit in Maastricht: 4,195 / 3,723 (seed 000 §2).
        let m = &r.municipalities[0].summary;
        assert!((m.people_start / m.benefits_start - 4195.0 / 3723.0).abs() < 0.001);
    }

    #[test]
    fn the_statushouders_pilot_costs_about_its_2018_budget() {
        // seed 003: €303,916 extra for 200 participants (€1,520 each, rounded).
        let r = model().run(&preset("statushouders-2018")).unwrap();
        let cost = r.programmes[0].planned_cost_eur;
        assert!(
            (cost - Decimal::from(303_916)).abs() < Decimal::from(100),
            "{cost}"
        );
    }

    #[test]
    fn the_baseline_stays_about_level() {
        let r = model().run(&preset("baseline")).unwrap();
        let change = r.summary.benefits_end / r.summary.benefits_start - 1.0;
        assert!(change.abs() < 0.05, "{change}");
    }

    #[test]
    fn every_preset_runs_and_its_complete_file_reads_back_to_the_same_results() {
        let m = model();
        for p in &m.catalogue.presets {
            let r = m
                .run(&p.scenario)
                .unwrap_or_else(|e| panic!("{}: {e}", p.id));
            let file = p.scenario.complete(&m.table).to_toml();
            let back =
                Scenario::from_toml(&file).unwrap_or_else(|e| panic!("{}: {e}\n{file}", p.id));
            assert_eq!(m.run(&back).unwrap(), r, "{}", p.id);
            let json = serde_json::to_string(&p.scenario).unwrap();
            assert_eq!(
                m.run(&Scenario::from_json(&json).unwrap()).unwrap(),
                r,
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn a_programme_saves_relative_to_its_counterfactual_and_reports_deadweight() {
        let r = model().run(&preset("corona-2021")).unwrap();
        let s = &r.summary;
        assert!(s.gross_saving_eur > Decimal::ZERO);
        assert!(s.benefit_months_avoided > 0.0);
        assert!(s.deadweight_exits > 0.0 && s.deadweight_exits < s.participant_exits_to_work);
        assert_eq!(
            s.net_saving_eur,
            s.saving_after_feedback_eur - s.programme_cost_eur
        );
        // With the counterfactual of the same inputs, the no-programme preset saves nothing.
        let none = model().run(&preset("corona-2021-no-programme")).unwrap();
        assert!(none.summary.gross_saving_eur.is_zero());
        assert_eq!(none.summary.benefits_end, s.benefits_end_without_programmes);
    }
}

mod money {
    //! Budgets, the BUIG grant and its feedback, the vangnet and the cost split.

    use caseflow_core::{Model, Scenario};
    use rust_decimal::Decimal;

    fn run(id: &str, edit: impl FnOnce(&mut Scenario)) -> caseflow_core::Results {
        let m = Model::new().unwrap();
        let mut s = m.preset(id).unwrap().scenario.clone();
        edit(&mut s);
        m.run(&s).unwrap()
    }

    /// Regression: a horizon ending in April 2030 charged all of 2030's feedback (from 2029's
    /// saving) in its four months, so the net result fell by the year's feedback at every
    /// January a longer horizon took in, and a run that paid back in April 2030 over ten
    /// years did not when it ended then.
    #[test]
    fn a_last_year_cut_short_counts_its_months_part_of_the_feedback() {
        let with = |months: u32| {
            run("corona-2021", |s| {
                s.programmes[0].participants = Some(400.0);
                s.months = months;
            })
        };
        let (ten, short) = (with(120), with(112));
        let last = |r: &caseflow_core::Results| r.years.last().unwrap().grant_feedback_eur;
        // The same 2029 saving, so 4/12 of the whole year's feedback (a cent per municipality).
        let part = last(&ten) * Decimal::from(4) / Decimal::from(12);
        assert!(
            (last(&short) - part).abs() <= Decimal::new(6, 2),
            "{} vs {part}",
            last(&short)
        );
        // And the run that ends in the payback month pays back in it.
        assert_eq!(ten.summary.payback_month, Some(112));
        assert_eq!(short.summary.payback_month, Some(112));
        // January 2030 adds its month's saving and a twelfth of the year's feedback: the net
        // result rises (it fell by the whole feedback, 81,636, before).
        let (a, b) = (
            with(108).summary.net_saving_eur,
            with(109).summary.net_saving_eur,
        );
        assert!(b > a && b - a < last(&ten) / Decimal::from(2), "{a} -> {b}");
    }

    #[test]
    fn the_decision_over_allocates_35_000_euros() {
        // seed 000 §8: €0.92M + €1.4M + €0.49M = €2.81M available; €1.645M programme plus
        // €1.2M released = €2.845M allocated.
        let r = run("corona-2021", |_| {});
        let b = r.budget.as_ref().unwrap();
        assert_eq!(b.available_eur, Decimal::from(2_810_000));
        assert_eq!(b.allocated_eur, Decimal::from(2_845_000));
        assert_eq!(r.summary.budget_overallocation_eur, Decimal::from(35_000));
        // Without a stated budget there is nothing to check.
        let none = run("baseline", |_| {});
        assert!(none.budget.is_none());
        assert!(none.summary.budget_overallocation_eur.is_zero());
    }

    #[test]
    fn programme_costs_are_split_by_the_key_and_add_up_exactly() {
        let r = run("corona-2021", |_| {});
        let shares: Decimal = r
            .municipalities
            .iter()
            .map(|m| m.summary.programme_cost_eur)
            .sum();
        assert_eq!(shares, r.summary.programme_cost_eur);
        // Maastricht pays 78.08% (seed 003), to the cent of each month's split.
        let maastricht = r.municipalities[0].summary.programme_cost_eur;
        let expected = r.summary.programme_cost_eur * Decimal::new(7808, 4);
        assert!(
            (maastricht - expected).abs() < Decimal::ONE,
            "{maastricht} vs {expected}"
        );
        for y in &r.years {
            let parts: Decimal = r
                .municipalities
                .iter()
                .map(|m| {
                    m.years
                        .iter()
                        .find(|x| x.year == y.year)
                        .unwrap()
                        .cost_share_eur
                })
                .sum();
            assert_eq!(parts, y.cost_share_eur, "{}", y.year);
        }
    }

    #[test]
    fn feedback_takes_a_share_of_last_years_saving_from_this_years_grant() {
        let r = run("corona-2021", |s| {
            s.set.insert("buig_feedback_pct".into(), 50.0);
        });
        for m in &r.municipalities {
            for pair in m.years.windows(2) {
                let half = pair[0].gross_saving_eur * Decimal::new(5, 1);
                let expected = half.round_dp_with_strategy(
                    2,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                assert_eq!(
                    pair[1].grant_feedback_eur, expected,
                    "{} {}",
                    m.name, pair[1].year
                );
            }
            assert!(m.years[0].grant_feedback_eur.is_zero());
        }
        assert!(r.summary.saving_after_feedback_eur < r.summary.gross_saving_eur);
        let none = run("corona-2021", |s| {
            s.set.insert("buig_feedback_pct".into(), 0.0);
        });
        assert_eq!(
            none.summary.saving_after_feedback_eur,
            none.summary.gross_saving_eur
        );
    }

    #[test]
    fn in_deficit_a_municipality_keeps_only_half_of_a_saving() {
        // A grant of 90% of spending puts every municipality at a 10-11% deficit: inside the
        // 7.5-12.5% band, where the vangnet pays back half, so a saving lowers the compensation
        // by half of itself.
        let r = run("corona-2021", |s| {
            s.set.insert("buig_grant_ratio_pct".into(), 90.0);
            s.set.insert("buig_feedback_pct".into(), 0.0);
        });
        let y = &r.municipalities[0].years[2];
        assert!(y.vangnet_eur > Decimal::ZERO);
        let kept = y.saving_eur / y.gross_saving_eur;
        assert!(
            (kept - Decimal::new(5, 1)).abs() < Decimal::new(1, 3),
            "{kept}"
        );
    }

    #[test]
    fn a_wage_cost_subsidy_is_paid_from_buig_and_offsets_its_own_saving() {
        let m = Model::new().unwrap();
        let lks = m
            .catalogue
            .templates
            .iter()
            .find(|t| t.id == "lks")
            .unwrap()
            .programme
            .clone();
        let mut s = Scenario {
            months: 60,
            ..Scenario::default()
        };
        s.programmes.push(lks);
        let r = m.run(&s).unwrap();
        // Not a re-integration cost: nothing to split by the key.
        assert!(r.summary.programme_cost_eur.is_zero());
        // Its cost is benefit spending: 50 × €9,000 less than the benefits it saves.
        let benefits_saved: f64 = r.summary.benefit_months_avoided * 1200.0;
        let gross = f64::try_from(r.summary.gross_saving_eur).unwrap();
        assert!(
            gross < benefits_saved - 400_000.0,
            "{gross} vs {benefits_saved}"
        );
    }
}

mod scenario_files {
    //! Scenario files as the page and `--scenario` send them.

    use caseflow_core::{InputErrorKind, Model, Scenario};

    #[test]
    fn missing_fields_take_defaults_and_unknown_fields_are_refused() {
        let s = Scenario::from_json(r#"{"set": {"growth_pct": 7}}"#).unwrap();
        assert_eq!(s.set["growth_pct"], 7.0);
        assert_eq!(s.months, 36);
        let err = Scenario::from_json(r#"{"growth": 7}"#).unwrap_err();
        let e = &err.0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("growth", InputErrorKind::UnknownField)
        );
        assert!(e.allowed_en.contains("set, programmes"), "{err}");
    }

    #[test]
    fn out_of_range_values_are_refused_by_run_in_either_language() {
        let s = Scenario::from_json(r#"{"set": {"growth_pct": 500}}"#).unwrap();
        let err = Model::new().unwrap().run(&s).unwrap_err();
        let e = &err.0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("set.growth_pct", InputErrorKind::OutOfRange)
        );
        assert!(e.message(caseflow_core::Lang::Nl).contains("-20 tot 20"));
        assert!(e.message(caseflow_core::Lang::En).contains("-20 to 20"));
    }

    #[test]
    fn an_unknown_note_is_refused() {
        let s = Scenario::from_json(r#"{"notes": ["nope"]}"#).unwrap();
        let err = Model::new().unwrap().run(&s).unwrap_err();
        assert_eq!(err.0[0].field, "notes[0]");
    }
}

mod tidy {
    //! Repository hygiene: docs on every module, an architecture map that names every crate.

    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf()
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc() {
        let mut files = Vec::new();
        for dir in ["crates", "xtask", "tests/src", "tests/tests"] {
            rust_files(&root().join(dir), &mut files);
        }
        assert!(files.len() > 5);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            assert!(
                text.starts_with("//!"),
                "{} does not open with a //! doc",
                f.display()
            );
        }
    }

    #[test]
    fn architecture_md_names_every_crate_and_folder() {
        let arch = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
        let mut dirs: Vec<String> = std::fs::read_dir(root().join("crates"))
            .unwrap()
            .map(|e| format!("crates/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        dirs.extend(["web/", "xtask/", "tests/"].map(String::from));
        for d in dirs {
            assert!(
                arch.contains(&format!("`{d}")),
                "ARCHITECTURE.md does not mention {d}"
            );
        }
    }

    #[test]
    fn readme_gives_exactly_the_two_set_up_commands() {
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        let setup = readme
            .split("## Set up and run")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("README.md has a 'Set up and run' section");
        let commands: Vec<&str> = setup
            .split("```sh\n")
            .skip(1)
            .map(|block| block.split("```").next().unwrap().trim())
            .collect();
        assert_eq!(commands, ["cargo xtask serve", "cargo xtask test"]);
    }
}
