using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.Bench.Reporting;

/// <summary>Everything one run measured: the figures against their targets and the detail behind them, as Markdown.</summary>
internal sealed class BenchReport
{
    public BenchReport(MachineInfo machine, string mode)
    {
        Machine = machine;
        Mode = mode;
    }

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public MachineInfo Machine { get; }

    public string Mode { get; }

    public TimeSpan Duration { get; set; }

    public List<Figure> Figures { get; } = [];

    /// <summary>Titled blocks of Markdown under the table: stage timings, counts, notes.</summary>
    public List<(string Title, List<string> Lines)> Sections { get; } = [];

    public List<string> Section(string title)
    {
        var found = Sections.FirstOrDefault(s => s.Title == title);
        if (found.Lines is null)
        {
            found = (title, []);
            Sections.Add(found);
        }

        return found.Lines;
    }

    public Figure Add(string measure, string value, string cpu = "", string target = "", bool? pass = null)
    {
        var figure = new Figure(measure, value, cpu, target, pass);
        Figures.Add(figure);
        return figure;
    }

    public string Table()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Measure | Figure (wall clock) | CPU time | Target | Result |");
        builder.AppendLine("|---|---:|---:|---|---|");
        foreach (var f in Figures)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {f.Measure} | {f.Value} | {f.Cpu} | {f.Target} | {f.Result} |");
        }

        return builder.ToString();
    }

    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.AppendLine("# Benchmark results");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"- Run: {Started:yyyy-MM-dd HH:mm} UTC, {Mode} mode, took {Duration.TotalMinutes:0.0} min (`dotnet run -c Release --project bench{Mode switch { "full" => "", "smoke" => "", _ => " -- --" + Mode }}`)");
        builder.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"- Targets: {Figures.Count(f => f.Pass == true)} passed, {Figures.Count(f => f.Pass == false)} missed (judged on wall-clock time; CPU time is the processor time of the process, all threads, which grows less than wall time when the machine is shared)");
        builder.AppendLine();
        builder.Append(Table());
        foreach (var (title, lines) in Sections)
        {
            builder.AppendLine();
            builder.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            builder.AppendLine();
            foreach (var line in lines)
            {
                builder.AppendLine(line);
            }
        }

        return builder.ToString();
    }
}
