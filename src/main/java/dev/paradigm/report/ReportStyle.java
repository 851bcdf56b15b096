package dev.paradigm.report;

/** The page's inline stylesheet: system fonts, a readable measure, quiet tables. */
final class ReportStyle {
    private ReportStyle() {}

    static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f4f5f7; color: #1d2330;
                   font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1040px; margin: 0 auto; padding: 32px 40px 64px; background: #ffffff;
                   box-shadow: 0 0 0 1px #e6e8ec; }
            h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
            h2 { font-size: 1.35rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid #e3e6ea; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 .6rem; }
            .meta { color: #5b6472; margin: 0; }
            code, pre, .hash { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            code { font-size: .88em; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
            .verdict { background: #f1f6fc; border-left: 4px solid #1f6fb4; padding: 14px 18px 14px 34px; border-radius: 4px;
                       margin: 0; }
            .verdict li { margin: .3rem 0; }
            .badge { display: inline-block; padding: 6px 12px; border-radius: 4px; font-weight: 600; margin: 0 0 .6rem; }
            .badge.ok { background: #e8f5ec; color: #17803d; }
            .badge.bad { background: #fdecea; color: #b42318; }
            table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.6rem; font-size: .9rem;
                    font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: 600; padding: .3rem 0 .5rem; color: #39414f; }
            th, td { padding: 6px 10px; border-bottom: 1px solid #e6e8ec; text-align: left; vertical-align: top; }
            thead th { background: #f3f5f8; border-bottom: 2px solid #d9dde3; }
            tbody th { font-weight: 500; color: #39414f; }
            td.num { white-space: nowrap; }
            td.ok { color: #17803d; font-weight: 600; }
            td.bad { color: #b42318; font-weight: 600; }
            td.hash { font-size: .78rem; word-break: break-all; color: #39414f; }
            figure { margin: 1rem 0 1.8rem; }
            svg.chart { display: block; width: 100%; height: auto; border: 1px solid #e6e8ec; border-radius: 6px; }
            figcaption { color: #5b6472; font-size: .88rem; margin-top: .4rem; }
            .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
            @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } main { padding: 20px; } }
            .sample { white-space: pre-wrap; margin: 0 0 12px; background: #fafbfc; border: 1px solid #e6e8ec;
                      border-left: 3px solid #c5cbd3; border-radius: 4px; padding: 10px 14px; font-size: .92rem; }
            .sample .index { color: #8a93a0; font-size: .8rem; }
            details { margin: .4rem 0 1.2rem; }
            summary { cursor: pointer; font-weight: 600; color: #39414f; }
            pre.config { background: #f6f8fa; border: 1px solid #e6e8ec; border-radius: 4px; padding: 12px 14px;
                         overflow: auto; font-size: .82rem; line-height: 1.45; }
            .provenance { color: #5b6472; font-size: .9rem; }
            """;
}
