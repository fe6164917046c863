namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// The report page's style, inlined and allowed by its hash. Colours meet WCAG AA contrast (4.5:1 for text); state is
/// never told by colour alone (the verdict has a mark and words, the offending cell a border and "problem here").
/// </summary>
internal static class ReportPageStyle
{
    public const string Css = """

        :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --error: #a4201a; --warn: #7a4b00; --ok: #00703c; --link: #1d4f91; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; }
        header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 1.25rem; }
        header { padding-top: 1.5rem; }
        h1 { font-size: 1.75rem; margin: 0 0 .25rem; word-break: break-word; }
        h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; }
        h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1.05rem; margin: 0 0 .25rem; }
        a { color: var(--link); }
        a:focus, [tabindex]:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
        code { font-family: ui-monospace, Consolas, monospace; font-size: .9em; background: #f3f2f1; padding: 0 .25em; }
        .skip { position: absolute; left: -9999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
        .eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; }
        .meta, .note { color: var(--muted); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .verdict { border-left: 8px solid var(--muted); background: #f3f2f1; padding: 1rem 1.25rem; margin-top: 1rem; }
        .verdict h2 { margin-top: 0; }
        .verdict-loaded, .verdict-duplicate { border-color: var(--ok); background: #e6f4ec; }
        .verdict-partly-loaded, .verdict-held { border-color: var(--warn); background: #fff4d6; }
        .verdict-refused, .verdict-not-loaded { border-color: var(--error); background: #fbe9e8; }
        .verdict-mark { display: inline-block; min-width: 1.5em; text-align: center; font-weight: bold; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
        .figure { border: 1px solid var(--line); padding: .5rem .75rem; }
        .figure dt { color: var(--muted); font-size: .9rem; }
        .figure dd { margin: 0; font-size: 1.3rem; font-weight: bold; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #f3f2f1; }
        .number { text-align: right; }
        .reasons caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
        .group { border-top: 2px solid var(--line); padding: 1rem 0; }
        .kind-fileerror h4, .kind-rowerror h4 { color: var(--error); }
        .kind-held h4, .kind-warning h4 { color: var(--warn); }
        .badge { display: inline-block; margin: .25rem 0; padding: 0 .5rem; border: 1px solid currentColor; font-weight: bold; font-size: .9rem; }
        .kind-fileerror .badge, .kind-rowerror .badge { color: var(--error); }
        .kind-held .badge, .kind-warning .badge { color: var(--warn); }
        .count { margin: .25rem 0; font-weight: bold; }
        .help { background: #f3f2f1; padding: .25rem .75rem; }
        .occurrences { padding-left: 1.5rem; }
        .occurrence { margin: .75rem 0; }
        .occurrence p { margin: .2rem 0; }
        .context { overflow-x: auto; max-width: 100%; }
        .context table { font-size: .85rem; }
        .context td, .context th { min-width: 8rem; max-width: 20rem; overflow-wrap: break-word; }
        .context tbody th, .context thead th:first-child { min-width: 3.5rem; }
        .letter { display: block; color: var(--muted); font-weight: normal; }
        th.offending { background: #fbe9e8; }
        td.offending { outline: 3px solid var(--error); outline-offset: -3px; background: #fff4d6; }
        td.offending mark { background: transparent; color: var(--ink); font-weight: bold; }
        .flag { display: block; color: var(--error); font-size: .8rem; font-weight: bold; }
        .changes-list li { margin: .2rem 0; }
        footer { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }

        """;
}
