using System.Globalization;
using System.Net;
using System.Text;

namespace GherkinEngine.Runner;

/// <summary>
/// A single-file, offline HTML living documentation of a run: features with their descriptions and tags,
/// rules, scenarios with status and duration, steps with status, duration, tables and doc strings,
/// failure messages and attachments (images embedded as data URIs). No external resources.
/// </summary>
public static class HtmlReportWriter
{
    public static string Render(IReadOnlyList<FeatureResult> features, DateTimeOffset startedAt, DateTimeOffset finishedAt, bool dryRun = false)
    {
        var all = features.SelectMany(f => f.Scenarios).ToList();
        var passed = all.Count(s => s.Passed);
        var failed = all.Count - passed;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>Living documentation</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<header><h1>Living documentation").Append(dryRun ? " <small>(dry run: steps bound, not run)</small>" : "").Append("</h1>")
          .Append("<p class=\"run\">Run ").Append(E(startedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)))
          .Append(" · ").Append(E(Reports.Seconds(finishedAt - startedAt))).Append("</p>")
          .Append("<p class=\"totals\"><span class=\"badge passed\">").Append(passed).Append(" passed</span> <span class=\"badge ")
          .Append(failed > 0 ? "failed" : "none").Append("\">").Append(failed).Append(" failed</span> · ")
          .Append(Count(features.Count, "feature")).Append(", ").Append(Count(all.Count, "scenario")).Append("</p>");
        sb.Append("<nav><ul>");
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            var ok = f.Scenarios.All(s => s.Passed);
            sb.Append("<li><a href=\"#f").Append(i).Append("\"><span class=\"dot ").Append(ok ? "passed" : "failed").Append("\"></span>")
              .Append(E(f.Feature.Title)).Append("</a> <span class=\"muted\">").Append(f.Scenarios.Count(s => s.Passed)).Append('/').Append(f.Scenarios.Count).Append("</span></li>");
        }
        sb.Append("</ul></nav></header>\n<main>");
        for (var i = 0; i < features.Count; i++)
            Feature(sb, features[i], i);
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static void Feature(StringBuilder sb, FeatureResult result, int index)
    {
        var feature = result.Feature;
        var failed = result.Scenarios.Count(s => !s.Passed);
        sb.Append("<section class=\"feature\" id=\"f").Append(index).Append("\">");
        Tags(sb, feature.Tags);
        sb.Append("<h2><span class=\"dot ").Append(failed > 0 ? "failed" : "passed").Append("\"></span>").Append(E(feature.Title)).Append("</h2>")
          .Append("<p class=\"muted\">").Append(E(feature.FilePath)).Append(" · ").Append(result.Scenarios.Count - failed).Append(" passed, ").Append(failed).Append(" failed</p>");
        Description(sb, feature.Description);
        string? rule = null;
        foreach (var scenario in result.Scenarios)
        {
            if (scenario.Scenario.RuleTitle != rule)
            {
                if (rule is not null)
                    sb.Append("</div>");
                rule = scenario.Scenario.RuleTitle;
                if (rule is not null)
                {
                    sb.Append("<div class=\"rule\"><h3>Rule: ").Append(E(rule)).Append("</h3>");
                    var ast = feature.Document?.Feature?.Children.OfType<Gherkin.Ast.Rule>().FirstOrDefault(r => r.Name?.Trim() == rule);
                    Description(sb, FeatureCompiler.CleanDescription(ast?.Description));
                }
            }
            Scenario(sb, scenario);
        }
        if (rule is not null)
            sb.Append("</div>");
        sb.Append("</section>\n");
    }

    private static void Scenario(StringBuilder sb, ScenarioResult result)
    {
        var scenario = result.Scenario;
        var status = result.Passed ? "passed" : "failed";
        sb.Append("<details class=\"scenario ").Append(status).Append("\" open><summary>")
          .Append("<span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span> ")
          .Append(E(scenario.Title));
        if (scenario.Arguments.Count > 0 && !scenario.DisplayName.EndsWith(scenario.Title, StringComparison.Ordinal))
            sb.Append(" <span class=\"muted\">[").Append(E(string.Join(", ", scenario.Arguments.Select(a => $"{a.Key}={a.Value}")))).Append("]</span>");
        sb.Append(" <span class=\"duration\">").Append(Ms(result.Duration)).Append("</span></summary>");
        Tags(sb, scenario.Tags);
        Description(sb, scenario.Description);
        sb.Append("<ol class=\"steps\">");
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            var s = ScenarioOutput.StatusText(step.Status).Replace(' ', '-');
            sb.Append("<li class=\"step ").Append(s).Append("\"><span class=\"icon\" title=\"").Append(s).Append("\"></span>")
              .Append("<b>").Append(E(step.Keyword)).Append("</b> ").Append(E(step.Text))
              .Append(" <span class=\"status\">").Append(E(ScenarioOutput.StatusText(step.Status))).Append("</span>");
            if (step.Status is not (StepStatus.Skipped or StepStatus.Undefined))
                sb.Append(" <span class=\"duration\">").Append(Ms(step.Duration)).Append("</span>");
            if (step.Step.TableRows is { } rows)
            {
                sb.Append("<table>");
                for (var r = 0; r < rows.Count; r++)
                {
                    sb.Append("<tr>");
                    foreach (var cell in rows[r])
                        sb.Append(r == 0 ? "<th>" : "<td>").Append(E(cell)).Append(r == 0 ? "</th>" : "</td>");
                    sb.Append("</tr>");
                }
                sb.Append("</table>");
            }
            if (step.Step.DocString is { } doc)
                sb.Append("<pre class=\"doc\">").Append(E(doc)).Append("</pre>");
            if (step.Error is not null)
                sb.Append("<pre class=\"error\">").Append(E(step.Error.Message)).Append("</pre>");
            Attachments(sb, result.Attachments.Where(a => a.StepIndex == i));
            sb.Append("</li>");
        }
        sb.Append("</ol>");
        if (result.Error is not null && result.Steps.All(s => s.Error is null || !ReferenceEquals(s.Error, result.Error)))
            sb.Append("<pre class=\"error\">").Append(E(result.Error.Message)).Append("</pre>");
        Attachments(sb, result.Attachments.Where(a => a.StepIndex < 0 || a.StepIndex >= result.Steps.Count));
        sb.Append("</details>");
    }

    private static void Attachments(StringBuilder sb, IEnumerable<ScenarioAttachment> attachments)
    {
        foreach (var a in attachments)
        {
            var data = $"data:{a.MediaType};base64,{Convert.ToBase64String(a.Content)}";
            sb.Append("<figure class=\"attachment\">");
            if (a.IsImage)
                sb.Append("<a href=\"").Append(data).Append("\" download=\"").Append(E(a.FileName)).Append("\"><img alt=\"").Append(E(a.FileName)).Append("\" src=\"").Append(data).Append("\"></a>");
            else if (a.IsText && a.Content.Length <= 64 * 1024)
                sb.Append("<pre>").Append(E(Encoding.UTF8.GetString(a.Content))).Append("</pre>");
            sb.Append("<figcaption><a href=\"").Append(data).Append("\" download=\"").Append(E(a.FileName)).Append("\">").Append(E(a.FileName)).Append("</a> <span class=\"muted\">")
              .Append(E(a.MediaType)).Append(", ").Append(a.Content.Length.ToString("N0", CultureInfo.InvariantCulture)).Append(" bytes</span></figcaption></figure>");
        }
    }

    private static void Tags(StringBuilder sb, IEnumerable<string> tags)
    {
        var list = tags.ToList();
        if (list.Count == 0)
            return;
        sb.Append("<p class=\"tags\">");
        foreach (var tag in list)
            sb.Append("<span class=\"tag\">@").Append(E(tag)).Append("</span>");
        sb.Append("</p>");
    }

    private static void Description(StringBuilder sb, string description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return;
        sb.Append("<div class=\"description\">");
        foreach (var paragraph in description.Split("\n\n"))
            sb.Append("<p>").Append(E(paragraph).Replace("\n", "<br>")).Append("</p>");
        sb.Append("</div>");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds < 1000
        ? t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#6e7781;--line:#d0d7de;--bg:#f6f8fa}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
        header{background:var(--bg);border-bottom:1px solid var(--line);padding:1.2rem 2rem}h1{margin:0 0 .3rem;font-size:1.6rem}h1 small{font-weight:400;color:var(--muted);font-size:1rem}
        nav ul{list-style:none;padding:0;margin:.8rem 0 0;columns:2 22rem}nav li{margin:.15rem 0}nav a{color:inherit;text-decoration:none}nav a:hover{text-decoration:underline}
        main{max-width:70rem;margin:0 auto;padding:1rem 2rem 3rem}.feature{border-bottom:1px solid var(--line);padding:1.2rem 0}
        h2{margin:.2rem 0;font-size:1.35rem}h3{margin:1rem 0 .3rem;font-size:1.1rem}.rule{border-left:3px solid var(--line);padding-left:1rem;margin:.8rem 0}
        .description{color:#424a53;margin:.4rem 0 .8rem}.description p{margin:.3rem 0}.muted{color:var(--muted);font-size:.9em}
        .tags{margin:.2rem 0}.tag{display:inline-block;background:#ddf4ff;color:#0969da;border-radius:1rem;padding:0 .55rem;margin-right:.3rem;font-size:.8rem}
        .badge{display:inline-block;border-radius:.3rem;padding:0 .45rem;font-size:.8rem;font-weight:600;color:#fff;background:var(--muted)}.badge.passed{background:var(--ok)}.badge.failed{background:var(--bad)}
        .dot{display:inline-block;width:.65rem;height:.65rem;border-radius:50%;margin-right:.45rem;background:var(--ok)}.dot.failed{background:var(--bad)}
        details.scenario{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.3rem .8rem}details.scenario.failed{border-color:var(--bad)}
        summary{cursor:pointer;font-weight:600}.duration{color:var(--muted);font-weight:400;font-size:.85em;float:right}
        .steps{list-style:none;padding:0;margin:.5rem 0}.step{padding:.15rem 0 .15rem 1.5rem;position:relative}.step .duration{float:none;margin-left:.3rem}
        .step .icon{position:absolute;left:0;top:.2rem;width:1rem;text-align:center}.step .icon::before{content:"\2713";color:var(--ok)}
        .step.failed .icon::before,.step.binding-error .icon::before,.step.ambiguous .icon::before{content:"\2717";color:var(--bad)}
        .step.skipped .icon::before{content:"\2013";color:var(--muted)}.step.undefined .icon::before,.step.pending .icon::before{content:"?";color:var(--warn)}
        .step.skipped{color:var(--muted)}.status{font-size:.75rem;color:var(--muted);text-transform:uppercase;margin-left:.3rem}
        .step.failed .status,.step.ambiguous .status,.step.binding-error .status{color:var(--bad)}.step.undefined .status,.step.pending .status{color:var(--warn)}
        table{border-collapse:collapse;margin:.3rem 0;font-size:.9em}th,td{border:1px solid var(--line);padding:.15rem .5rem;text-align:left}th{background:var(--bg)}
        pre{background:var(--bg);border:1px solid var(--line);border-radius:.3rem;padding:.5rem;overflow:auto;font-size:.85em;white-space:pre-wrap}
        pre.error{background:#ffebe9;border-color:#ff8182;color:#82071e}
        figure.attachment{margin:.4rem 0}figure img{max-width:100%;max-height:30rem;border:1px solid var(--line);border-radius:.3rem}figcaption{font-size:.85em}
        @media print{details.scenario{break-inside:avoid}nav{display:none}}
        """;
}
