//! Human-readable tables and CSV for the CLI.

use std::io::{self, Write};

use caseflow_core::Decimal;
use caseflow_core::allocate::Split;
use caseflow_core::analysis::{Breakdown, Mix, Objective, Optimisation, Sensitivity};
use caseflow_core::montecarlo::MonteCarlo;
use caseflow_core::params::Evidence;
use caseflow_core::results::Summary;
use caseflow_core::{Lang, ParamTable, Results, Scenario};

/// The region's monthly table, its summary, and the notes on the papers.
pub fn results_table(out: &mut impl Write, r: &Results, lang: Lang) -> io::Result<()> {
    let heads = if lang == Lang::Nl {
        [
            "maand",
            "uitkeringen",
            "personen",
            "instroom",
            "herinstroom",
            "naar werk",
            "overig",
            "in traject",
            "zonder progr.",
            "besparing €",
            "kosten €",
        ]
    } else {
        [
            "month",
            "benefits",
            "people",
            "inflow",
            "re-entries",
            "to work",
            "other",
            "in progr.",
            "w/o progr.",
            "saving €",
            "cost €",
        ]
    };
    writeln!(
        out,
        "{:<8} {:>11} {:>9} {:>9} {:>11} {:>9} {:>8} {:>10} {:>13} {:>12} {:>12}",
        heads[0],
        heads[1],
        heads[2],
        heads[3],
        heads[4],
        heads[5],
        heads[6],
        heads[7],
        heads[8],
        heads[9],
        heads[10]
    )?;
    // One decimal, with the language's decimal sign (4649,6 in Dutch).
    let n = |x: f64| lang.number_text(format!("{x:.1}"));
    for m in &r.months {
        writeln!(
            out,
            "{:<8} {:>11} {:>9} {:>9} {:>11} {:>9} {:>8} {:>10} {:>13} {:>12} {:>12}",
            m.month.to_string(),
            n(m.benefits),
            n(m.people),
            n(m.inflow),
            n(m.reentries),
            n(m.exits_to_work),
            n(m.exits_other),
            n(m.in_programme),
            n(m.benefits_without_programmes),
            m.gross_saving_eur.round_dp(0),
            m.programme_cost_eur.round_dp(0)
        )?;
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            "(uitkeringen, personen, in traject en zonder progr.: de stand aan het eind van de maand; de andere kolommen: de stroom in de maand; euro's per maand afgerond, de totalen hieronder uit de exacte bedragen)",
            "(benefits, people, in progr. and w/o progr.: the stock at the end of the month; the other columns: the month's flow; euros per month rounded, the totals below from the exact amounts)"
        )
    )?;
    writeln!(out)?;
    summary(out, &r.summary, lang)?;
    if let Some(g) = &r.growth_shock {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Nl => format!(
                    "Groeischok: {}% van {:.0} uitkeringen, verspreid over {} maanden vanaf {}; binnen de looptijd ({} van die maanden): {:.0} uitkeringen ({:.0} personen) extra instroom",
                    lang.number(g.pct),
                    g.base_benefits,
                    g.planned_months,
                    g.from,
                    g.months,
                    g.extra_inflow_benefits,
                    g.extra_inflow_people
                ),
                Lang::En => format!(
                    "Growth shock: {}% of {:.0} benefits, spread over {} months from {}; inside the horizon ({} of those months): {:.0} benefits ({:.0} people) of extra inflow",
                    g.pct,
                    g.base_benefits,
                    g.planned_months,
                    g.from,
                    g.months,
                    g.extra_inflow_benefits,
                    g.extra_inflow_people
                ),
            }
        )?;
    }
    if let Some(note) = horizon_note(r, lang) {
        writeln!(out, "{note}")?;
    }
    // Fewer started than planned is said, as the page says it (a controller read 'Te veel
    // toegewezen €39.635.000' of 20,000 planned where 3,428 could start).
    for p in &r.programmes {
        let (started, planned) = (
            p.participants_started.round(),
            p.participants_planned.round(),
        );
        if started < planned {
            let (cost, planned_cost) = (p.cost_eur.round_dp(0), p.planned_cost_eur.round_dp(0));
            writeln!(
                out,
                "{}",
                lang.pick(
                    &format!(
                        "Let op: {}: {started} van de {planned} geplande deelnemers gestart (de doelgroep, de capaciteit of de looptijd hield de rest tegen); de kosten gaan over wie startte (€{cost}), de budgetcontrole over de geplande (€{planned_cost})",
                        p.name
                    ),
                    &format!(
                        "Note: {}: {started} of the {planned} planned participants started (the target group, the capacity or the horizon held the rest back); the cost is of those who started (€{cost}), the budget check of those planned (€{planned_cost})",
                        p.name
                    ),
                )
            )?;
        }
    }
    for n in &r.notes {
        writeln!(
            out,
            "{} ({}): {}",
            lang.pick("Let op", "Note"),
            n.source,
            lang.pick(&n.nl, &n.en)
        )?;
    }
    Ok(())
}

/// A warning when a tenth or more of the programme starts fall in the run's last 12 months:
/// their cost is inside the run, most of what they save after it, so the net result reads
/// worse than the programme is (the frozen budget's 2029 cohort). The page says the same.
fn horizon_note(r: &Results, lang: Lang) -> Option<String> {
    let n = r.months.len();
    let all: f64 = r.months.iter().map(|m| m.programme_starts).sum();
    let late: f64 = r
        .months
        .iter()
        .skip(n.saturating_sub(12))
        .map(|m| m.programme_starts)
        .sum();
    // A run of a year or less is all "last year": 100%, and the most to say it of.
    if all <= 0.0 || late < 0.1 * all {
        return None;
    }
    let pct = format!("{:.0}", 100.0 * late / all);
    let (from, end) = (r.months[n.saturating_sub(12)].month, r.months[n - 1].month);
    Some(match lang {
        Lang::Nl => format!(
            "Let op: {pct}% van de trajectstarts valt in de laatste 12 maanden (vanaf {from}). Hun kosten tellen mee; het meeste van wat ze besparen valt na {end} en telt niet mee. Een langere looptijd (--months) telt het wel."
        ),
        Lang::En => format!(
            "Note: {pct}% of the programme starts fall in the last 12 months (from {from}). Their cost counts; most of what they save falls after {end} and does not. A longer horizon (--months) counts it."
        ),
    })
}

fn summary(out: &mut impl Write, s: &Summary, lang: Lang) -> io::Result<()> {
    let none = lang.pick("geen", "none");
    let rows: [(&str, &str, String); 17] = [
        (
            "Uitkeringen begin",
            "Benefits at start",
            format!("{:.0}", s.benefits_start),
        ),
        (
            "Uitkeringen eind",
            "Benefits at end",
            format!("{:.0}", s.benefits_end),
        ),
        (
            "  zonder programma's",
            "  without programmes",
            format!("{:.0}", s.benefits_end_without_programmes),
        ),
        (
            "Personen eind",
            "People at end",
            format!("{:.0}", s.people_end),
        ),
        (
            "Uitstroom naar werk",
            "Exits to work",
            format!("{:.0}", s.exits_to_work),
        ),
        (
            "  extra door programma's",
            "  extra from programmes",
            format!("{:.1}", s.extra_exits_to_work),
        ),
        (
            "Deelnemers",
            "Participants",
            format!("{:.0}", s.participants),
        ),
        (
            "  uitstroom naar werk",
            "  exits to work",
            format!("{:.1}", s.participant_exits_to_work),
        ),
        (
            "  waarvan toch al (deadweight)",
            "  of which anyway (deadweight)",
            format!("{:.1}", s.deadweight_exits),
        ),
        (
            "Uitkeringsmaanden bespaard",
            "Benefit-months avoided",
            format!("{:.0}", s.benefit_months_avoided),
        ),
        (
            "Bruto besparing €",
            "Gross saving €",
            s.gross_saving_eur.to_string(),
        ),
        (
            "  terugval BUIG en vangnet €",
            "  BUIG and safety-net feedback €",
            s.feedback_eur.to_string(),
        ),
        (
            "  besparing na terugval €",
            "  saving after feedback €",
            s.saving_after_feedback_eur.to_string(),
        ),
        (
            "Programmakosten €",
            "Programme cost €",
            s.programme_cost_eur.to_string(),
        ),
        (
            "Netto resultaat €",
            "Net result €",
            s.net_saving_eur.to_string(),
        ),
        (
            "Te veel toegewezen €",
            "Over-allocated €",
            s.budget_overallocation_eur.to_string(),
        ),
        (
            "Terugverdiend na (maanden)",
            "Payback (months)",
            s.payback_month.map_or(none.to_owned(), |m| m.to_string()),
        ),
    ];
    for (nl, en, value) in rows {
        let value = lang.number_text(value);
        writeln!(out, "{:<32} {value:>16}", lang.pick(nl, en))?;
        // With a discount rate (`discount_rate_pct`) the net result's present value differs
        // from it; undiscounted it is the same figure and is not repeated.
        if en == "Net result €" && s.present_value_net_eur != s.net_saving_eur {
            writeln!(
                out,
                "{:<32} {:>16}",
                lang.pick("  contante waarde €", "  present value €"),
                lang.number_text(s.present_value_net_eur.to_string())
            )?;
        }
    }
    Ok(())
}

/// The scenario's fingerprint and the line to cite the result by (`name` as shown), under a
/// table.
pub fn provenance(
    out: &mut impl Write,
    scenario: &Scenario,
    name: &str,
    table: &ParamTable,
    mc: Option<&MonteCarlo>,
    lang: Lang,
) -> io::Result<()> {
    let fingerprint = scenario.fingerprint(table);
    writeln!(out)?;
    writeln!(
        out,
        "{}: {fingerprint} (caseflow {})",
        lang.pick("Vingerafdruk scenario", "Scenario fingerprint"),
        caseflow_core::VERSION
    )?;
    let cite = caseflow_export::cite(lang, name, &fingerprint, mc.map(|m| (m.runs, m.seed)), None);
    writeln!(
        out,
        "{}: {}",
        lang.pick("Citeer als", "Cite as"),
        shown(&cite)
    )
}

/// Text from a scenario file as a terminal shows it safely: control characters (an escape
/// sequence in a name would recolour or rewrite the terminal) written as escapes.
pub(crate) fn shown(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// Every parameter: id, value range, unit, evidence and source.
pub fn params_table(out: &mut impl Write, table: &ParamTable, lang: Lang) -> io::Result<()> {
    for p in table.params.iter().chain(&table.programme_fields) {
        writeln!(
            out,
            "{:<36} {:>9} {} {} - {}, {} {} - {} | {} | {} | {}",
            p.id,
            lang.number(p.default),
            lang.pick("aannemelijk", "plausible"),
            lang.number(p.low),
            lang.number(p.high),
            lang.pick("toegestaan", "allowed"),
            lang.number(p.min),
            lang.number(p.max),
            lang.pick(&p.unit_nl, &p.unit_en),
            lang.pick(&p.label_nl, &p.label_en),
            cited(
                evidence(p.evidence, lang),
                lang.pick(&p.source_nl, &p.source)
            )
        )?;
    }
    Ok(())
}

/// The source after the kind of evidence ("onderzoek: CPB 2016"), once: most assumptions'
/// sources start with the word already ("aanname: ...").
fn cited(evidence: &str, source: &str) -> String {
    let said = source
        .get(..evidence.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(evidence));
    if said {
        source.to_owned()
    } else {
        format!("{evidence}: {source}")
    }
}

/// How strong the evidence is, in the words the page's *Aannames* uses (`web/src/i18n.ts`,
/// `codes`).
fn evidence(e: Evidence, lang: Lang) -> &'static str {
    match e {
        Evidence::Seed => lang.pick("stukken van de regio", "the region’s papers"),
        Evidence::Study => lang.pick("onderzoek", "study"),
        Evidence::Derived => lang.pick("afgeleid", "derived"),
        Evidence::Assumption => lang.pick("aanname", "assumption"),
    }
}

/// The cost split as a table.
pub fn split_table(out: &mut impl Write, s: &Split, lang: Lang) -> io::Result<()> {
    let heads = if lang == Lang::Nl {
        ["gemeente", "sleutel %", "aandeel €", "opslag €", "totaal €"]
    } else {
        ["municipality", "key %", "share €", "overhead €", "total €"]
    };
    writeln!(
        out,
        "{:<24} {:>9} {:>12} {:>12} {:>12}",
        heads[0], heads[1], heads[2], heads[3], heads[4]
    )?;
    // Plain numbers with the language's decimal sign (1284416,39 in Dutch).
    let n = |d: Decimal| lang.number_text(d.to_string());
    for r in &s.rows {
        writeln!(
            out,
            "{:<24} {:>9} {:>12} {:>12} {:>12}",
            r.name,
            n(r.key_pct),
            n(r.share_eur),
            n(r.overhead_eur),
            n(r.total_eur)
        )?;
    }
    writeln!(
        out,
        "{:<24} {:>9} {:>12} {:>12} {:>12}",
        lang.pick("totaal", "total"),
        "100",
        n(s.totals.share_eur),
        n(s.rows.iter().map(|r| r.overhead_eur).sum::<Decimal>()),
        n(s.rows.iter().map(|r| r.total_eur).sum::<Decimal>())
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick(
            "Regionaal totaal (vijf gemeenten incl. opslag) €",
            "Regional total (five municipalities incl. overhead) €"
        ),
        n(s.totals.regional_total_eur)
    )?;
    writeln!(
        out,
        "{}",
        lang.pick(
            &format!(
                "De opslag (€ {}) betalen de vijf aan Maastricht, dat het werk uitvoert: het totaal blijft het totaal (seed 003 §8)",
                n(s.totals.overhead_eur)
            ),
            &format!(
                "The five pay the overhead (€{}) to Maastricht, which does the work: the total stays the total (seed 003 §8)",
                s.totals.overhead_eur
            ),
        )
    )?;
    match lang {
        Lang::Nl => writeln!(
            out,
            "Afronding: in {}; aandelen en opslag elk met de grootste-restmethode (de opslag berekend op de exacte aandelen, het totaal half van nul af afgerond); bij gelijke resten de eerdere gemeente",
            if s.unit_eur == Decimal::ONE {
                "hele euro's"
            } else {
                "centen"
            }
        ),
        Lang::En => writeln!(out, "Rounding: {}", s.rounding),
    }
}

/// The cost split as CSV, one row per municipality.
pub fn split_csv(out: &mut impl Write, s: &Split) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "municipality",
        "key_pct",
        "share_eur",
        "overhead_eur",
        "total_eur",
    ])?;
    for r in &s.rows {
        w.write_record([
            r.municipality.to_owned(),
            r.key_pct.to_string(),
            r.share_eur.to_string(),
            r.overhead_eur.to_string(),
            r.total_eur.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// A percentile object's field as text (numbers to one decimal, money as given).
fn pct(v: &serde_json::Value, field: &str) -> String {
    match &v[field] {
        serde_json::Value::Number(n) => format!("{:.1}", n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => s.clone(),
        _ => "-".to_owned(),
    }
}

/// The Monte Carlo summary: P5, P50 and P95 of the headline figures, and the probabilities.
pub fn monte_carlo_table(out: &mut impl Write, mc: &MonteCarlo, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{} {} runs, seed {}",
        lang.pick("Monte Carlo:", "Monte Carlo:"),
        mc.runs,
        mc.seed
    )?;
    writeln!(out, "{:<32} {:>16} {:>16} {:>16}", "", "P5", "P50", "P95")?;
    let rows: [(&str, &str, &str); 9] = [
        ("benefits_end", "Uitkeringen eind", "Benefits at end"),
        ("people_end", "Personen eind", "People at end"),
        ("exits_to_work", "Uitstroom naar werk", "Exits to work"),
        (
            "extra_exits_to_work",
            "  extra door programma's",
            "  extra from programmes",
        ),
        (
            "benefit_months_avoided",
            "Uitkeringsmaanden bespaard",
            "Benefit-months avoided",
        ),
        ("gross_saving_eur", "Bruto besparing €", "Gross saving €"),
        (
            "saving_after_feedback_eur",
            "Besparing na terugval €",
            "Saving after feedback €",
        ),
        (
            "programme_cost_eur",
            "Programmakosten €",
            "Programme cost €",
        ),
        ("net_saving_eur", "Netto resultaat €", "Net result €"),
    ];
    let discounted = mc.summary["present_value_net_eur"] != mc.summary["net_saving_eur"];
    let present_value = (
        "present_value_net_eur",
        "  contante waarde €",
        "  present value €",
    );
    for (key, nl, en) in rows.into_iter().chain(discounted.then_some(present_value)) {
        let v = &mc.summary[key];
        writeln!(
            out,
            "{:<32} {:>16} {:>16} {:>16}",
            lang.pick(nl, en),
            lang.number_text(pct(v, "p5")),
            lang.number_text(pct(v, "p50")),
            lang.number_text(pct(v, "p95"))
        )?;
    }
    let p = &mc.probabilities;
    let pc = |x: f64| format!("{:.0}%", x * 100.0);
    let within = |x: Option<f64>| {
        x.map_or(
            lang.pick("(looptijd te kort)", "(horizon too short)")
                .to_owned(),
            pc,
        )
    };
    writeln!(
        out,
        "{}: {} / {} / {}",
        lang.pick(
            "Kans terugverdiend binnen 2 / 5 / 10 jaar",
            "Chance of payback within 2 / 5 / 10 years"
        ),
        within(p.payback_within_2_years),
        within(p.payback_within_5_years),
        within(p.payback_within_10_years)
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick(
            "Kans dat het bestand eindigt boven de start",
            "Chance the caseload ends above its start"
        ),
        pc(p.caseload_ends_above_start)
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick(
            "Kans op een positief netto resultaat",
            "Chance of a positive net result"
        ),
        pc(p.net_saving_positive)
    )
}

/// The tornado as a table: the ten largest swings of the net saving.
pub fn sensitivity_table(out: &mut impl Write, s: &Sensitivity, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{}: {}",
        lang.pick("Netto resultaat €", "Net result €"),
        lang.number_text(s.net_saving_eur.to_string())
    )?;
    let h = if lang == Lang::Nl {
        [
            "aanname",
            "laag",
            "hoog",
            "netto laag €",
            "netto hoog €",
            "verschil €",
            "parameter",
        ]
    } else {
        [
            "assumption",
            "low",
            "high",
            "net at low €",
            "net at high €",
            "swing €",
            "parameter",
        ]
    };
    writeln!(
        out,
        "{:<36} {:>10} {:>10} {:>14} {:>14} {:>14}  {}",
        h[0], h[1], h[2], h[3], h[4], h[5], h[6]
    )?;
    // The assumption in words first (a track's is the same for each track: its id tells them
    // apart in the last column).
    for w in &s.top {
        writeln!(
            out,
            "{:<36} {:>10} {:>10} {:>14} {:>14} {:>14}  {}",
            lang.pick(&w.label_nl, &w.label_en),
            lang.number(w.low),
            lang.number(w.high),
            w.net_saving_low_eur.round_dp(0),
            w.net_saving_high_eur.round_dp(0),
            w.swing_eur.round_dp(0),
            w.parameter
        )?;
    }
    // Ten rows of zeros in a made-up order would look like a ranking.
    if !s.top.is_empty() && s.top.iter().all(|w| w.swing_eur.round_dp(0).is_zero()) {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Geen enkele aanname verandert het netto resultaat: de volgorde zegt niets.",
                "No assumption changes the net result: the order means nothing."
            )
        )?;
    }
    method_line(out, lang, s.method_nl, s.method)
}

/// How an analysis was computed, as the JSON's `method` and the page say it.
fn method_line(out: &mut impl Write, lang: Lang, nl: &str, en: &str) -> io::Result<()> {
    writeln!(
        out,
        "\n{}: {}",
        lang.pick("Methode", "Method"),
        lang.pick(nl, en)
    )
}

fn mix_line(m: &Mix, lang: Lang) -> String {
    let parts: Vec<String> = m
        .tracks
        .iter()
        .zip(&m.participants)
        .map(|(t, n)| format!("{} {n:.0}", shown(t)))
        .collect();
    format!(
        "{} | {} €{} | {} €{} | {} {}",
        parts.join(", "),
        lang.pick("kosten", "cost"),
        m.cost_eur.round_dp(0),
        lang.pick("netto", "net"),
        m.net_saving_eur.round_dp(0),
        lang.pick("extra uitstroom naar werk", "extra exits to work"),
        lang.number_text(format!("{:.1}", m.extra_exits_to_work))
    )
}

/// The optimiser's answer as text.
pub fn optimise_table(out: &mut impl Write, o: &Optimisation, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{} €{}, {} {} {}",
        lang.pick("Budget", "Budget"),
        lang.number_text(o.budget_eur.to_string()),
        lang.pick("horizon", "horizon"),
        o.horizon_months,
        lang.pick("maanden", "months")
    )?;
    writeln!(
        out,
        "{:<10} {}",
        lang.pick("beste", "best"),
        mix_line(&o.best, lang)
    )?;
    writeln!(
        out,
        "{:<10} {}",
        lang.pick("besloten", "decided"),
        mix_line(&o.decided, lang)
    )?;
    // The search's bound per track (an assumption the JSON and the page show too): a best mix
    // that leaves money unspent has tracks at their bound, or tracks whose next participant
    // would not add to the objective.
    let bounds: Vec<String> = o
        .best
        .tracks
        .iter()
        .zip(&o.max_participants)
        .map(|(t, n)| format!("{} {n:.0}", shown(t)))
        .collect();
    writeln!(
        out,
        "{:<10} {} ({})",
        lang.pick("zoekgrens", "bound"),
        bounds.join(", "),
        lang.pick(
            "aanname: 3× de deelnemers van het scenario, minstens 30; de stukken geven geen capaciteit",
            "assumption: 3× the scenario's participants, at least 30; the seeds give no capacity"
        )
    )?;
    let unspent = o.budget_eur - o.best.cost_eur;
    if unspent.is_sign_positive() && !unspent.is_zero() {
        let at_bound: Vec<String> = o
            .best
            .tracks
            .iter()
            .zip(o.best.participants.iter().zip(&o.max_participants))
            .filter(|(_, (n, max))| *n >= *max)
            .map(|(t, _)| shown(t))
            .collect();
        let why = if at_bound.is_empty() {
            lang.pick(
                "geen volgende stap van de zoektocht past in het budget of verbetert de uitkomst",
                "no next step of the search fits the budget or improves the outcome",
            )
            .to_owned()
        } else {
            format!(
                "{} {}",
                lang.pick("aan de zoekgrens:", "at the bound:"),
                at_bound.join(", ")
            )
        };
        writeln!(
            out,
            "{} €{} ({why})",
            lang.pick("Niet besteed:", "Unspent:"),
            unspent.round_dp(0)
        )?;
    }
    // A decided mix over the budget can do better than the best within it: then it is ahead,
    // said as such ("short by €-729584" read as nonsense).
    let gap = o.decided_shortfall.abs();
    let shortfall = match o.objective {
        Objective::NetSaving => format!("€{gap:.0}"),
        Objective::ExitsToWork => format!(
            "{} {}",
            lang.number_text(format!("{gap:.1}")),
            lang.pick("uitstromers naar werk", "exits to work")
        ),
    };
    writeln!(
        out,
        "{}: {shortfall}",
        if o.decided_shortfall < 0.0 {
            lang.pick(
                "Besloten pakket voor op het beste binnen het budget",
                "Decided mix ahead of the best within the budget by",
            )
        } else {
            lang.pick(
                "Afstand besloten tot beste",
                "Decided mix short of the best by",
            )
        },
    )?;
    // The best mix is searched within the budget; a decided mix that costs more is shown for
    // comparison, and may do better on money the budget does not have.
    if o.decided.cost_eur > o.budget_eur {
        writeln!(
            out,
            "{}",
            lang.pick(
                &format!(
                    "Let op: het besloten pakket kost €{}, meer dan het budget van €{}. Het beste pakket blijft binnen het budget en kan daardoor minder opleveren; zonder --budget zoekt optimise met de kosten van het besloten pakket.",
                    o.decided.cost_eur.round_dp(0),
                    o.budget_eur.round_dp(0)
                ),
                &format!(
                    "Note: the decided mix costs €{}, more than the budget of €{}. The best mix stays within the budget and may achieve less for it; without --budget, optimise searches with the decided mix's cost.",
                    o.decided.cost_eur.round_dp(0),
                    o.budget_eur.round_dp(0)
                ),
            )
        )?;
    }
    let (b, d) = (
        &o.monte_carlo_check.best_net_saving_eur,
        &o.monte_carlo_check.decided_net_saving_eur,
    );
    writeln!(
        out,
        "{} ({} runs, seed {}): {} P5 {} P50 {} P95 {}; {} P5 {} P50 {} P95 {}",
        lang.pick("Monte Carlo, netto €", "Monte Carlo, net €"),
        o.monte_carlo_check.runs,
        o.monte_carlo_check.seed,
        lang.pick("beste", "best"),
        lang.number_text(pct(b, "p5")),
        lang.number_text(pct(b, "p50")),
        lang.number_text(pct(b, "p95")),
        lang.pick("besloten", "decided"),
        lang.number_text(pct(d, "p5")),
        lang.number_text(pct(d, "p50")),
        lang.number_text(pct(d, "p95"))
    )?;
    writeln!(
        out,
        "{}:",
        lang.pick("Grens (budget → beste)", "Frontier (budget → best)")
    )?;
    for p in &o.frontier {
        writeln!(
            out,
            "  €{:>12} {}",
            p.budget_eur.round_dp(0),
            mix_line(&p.mix, lang)
        )?;
    }
    method_line(out, lang, o.method_nl, o.method)
}

/// The breakdown of the net saving, by programme and by cause.
pub fn breakdown_table(out: &mut impl Write, b: &Breakdown, lang: Lang) -> io::Result<()> {
    writeln!(out, "{}:", lang.pick("Per programma", "By programme"))?;
    for p in &b.by_programme {
        writeln!(
            out,
            "  {:<46} {:>14}",
            shown(&format!("{} ({})", p.id, p.label_nl)),
            lang.number_text(p.eur.to_string())
        )?;
    }
    writeln!(out, "{}:", lang.pick("Per oorzaak", "By cause"))?;
    for p in &b.by_cause {
        writeln!(
            out,
            "  {:<46} {:>14}",
            lang.pick(&p.label_nl, &p.label_en),
            lang.number_text(p.eur.to_string())
        )?;
    }
    writeln!(
        out,
        "  {:<46} {:>14}",
        lang.pick("Netto resultaat", "Net result"),
        lang.number_text(b.net_saving_eur.to_string())
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick(
            "Deadweight (uitstroom die toch al was gebeurd, geen eurodeel)",
            "Deadweight (exits that would have happened anyway, not a euro part)"
        ),
        lang.number_text(format!("{:.1}", b.deadweight_exits))
    )?;
    method_line(out, lang, b.method_nl, b.method)
}

/// `caseflow compare`: each scenario's net saving (deterministic and over the runs), then each
/// pair's chance and difference; `periods` (each scenario's first – last month, in order) are
/// named when they differ, since a difference over other years is no effect of a choice.
pub fn compare_table(
    out: &mut impl Write,
    c: &caseflow_core::compare::Comparison,
    periods: &[String],
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "{:<40} {:>14} {:>14} {:>14} {:>14}",
        lang.pick("scenario", "scenario"),
        lang.pick("netto €", "net €"),
        "P5 €",
        "P50 €",
        "P95 €"
    )?;
    for s in &c.scenarios {
        let q = &s.net_saving_runs_eur;
        writeln!(
            out,
            "{:<40} {:>14} {:>14} {:>14} {:>14}",
            shown(&s.name),
            s.net_saving_eur.round_dp(0),
            q.p5.round_dp(0),
            q.p50.round_dp(0),
            q.p95.round_dp(0)
        )?;
    }
    writeln!(out)?;
    for p in &c.pairs {
        let (a, b) = (shown(&c.scenarios[p.a].name), shown(&c.scenarios[p.b].name));
        let d = &p.difference_eur;
        // A percentage with at most one decimal, as the page says it ("100%", "97,5%").
        let pct = |share: f64| format!("{}%", lang.number((share * 1000.0).round() / 10.0));
        let mut chance = pct(p.p_a_saves_more);
        if p.p_equal > 0.0 {
            chance += lang.pick(
                &format!(" (gelijk in {})", pct(p.p_equal)),
                &format!(" (equal in {})", pct(p.p_equal)),
            );
        }
        writeln!(
            out,
            "{}",
            lang.pick(
                &format!(
                    "P({a} bespaart meer dan {b}) = {chance}; verschil ({a} − {b}) P5-P50-P95: {} / {} / {} €",
                    d.p5.round_dp(0),
                    d.p50.round_dp(0),
                    d.p95.round_dp(0)
                ),
                &format!(
                    "P({a} saves more than {b}) = {chance}; difference ({a} − {b}) P5-P50-P95: {} / {} / {} €",
                    d.p5.round_dp(0),
                    d.p50.round_dp(0),
                    d.p95.round_dp(0)
                ),
            )
        )?;
    }
    if periods.iter().any(|p| p != &periods[0]) {
        let each: Vec<String> = c
            .scenarios
            .iter()
            .zip(periods)
            .map(|(s, p)| format!("{}: {p}", shown(&s.name)))
            .collect();
        writeln!(
            out,
            "\n{} {}.",
            lang.pick(
                "Let op: de scenario's beslaan verschillende perioden, dus de verschillen gaan ook over andere jaren, niet alleen over een andere keuze:",
                "Note: the scenarios cover different periods, so the differences are also of other years, not only of another choice:"
            ),
            each.join("; ")
        )?;
    }
    writeln!(
        out,
        "\n{} {}, seed {}. {}",
        c.runs,
        lang.pick("runs per scenario", "runs per scenario"),
        c.seed,
        lang.pick(c.method_nl, c.method)
    )
}
