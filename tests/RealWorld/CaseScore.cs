using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// How a real-world file fared against what a careful person expects: rows right (loaded, or sent back for the
/// expected reason; anything loaded or sent back that was not expected counts against), values right (every checked
/// field of every expected arrangement, counted even when the arrangement did not load), warnings given.
/// </summary>
internal sealed record CaseScore(string Name, int RowsRight, int RowsTotal, int ValuesRight, int ValuesTotal, int WarningsRight, int WarningsTotal, IReadOnlyList<string> Misses)
{
    public bool FullyRight => Misses.Count == 0;

    public static async Task<CaseScore> RunAsync(RealWorldCase expected)
    {
        await using var mart = await TestMart.CreateAsync();
        var outcome = await mart.IngestAsync(new MemoryStream(expected.Bytes()), expected.Name);
        var loaded = await mart.QueryAsync(db => db.ArrangementView.AsNoTracking().ToListAsync());
        var facts = await mart.QueryAsync(db => db.Arrangements.AsNoTracking().ToDictionaryAsync(a => a.ArrangementKey, a => (a.StartDateIsApproximate, a.Description)));
        var held = await mart.QueryAsync(db => db.HeldRows.AsNoTracking().Select(h => new { h.Sheet, h.RowNumber }).ToListAsync());
        return Compare(expected, outcome, loaded, facts, held.Select(h => (h.Sheet, h.RowNumber)).ToHashSet());
    }

    private static CaseScore Compare(
        RealWorldCase expected,
        SubmissionOutcome outcome,
        List<DataMart.Entities.ArrangementView> loaded,
        Dictionary<int, (bool Approximate, string? Description)> facts,
        HashSet<(string Sheet, int Row)> held)
    {
        var misses = new List<string>();
        var fileError = outcome.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError);
        if (expected.FileError != fileError?.Code)
        {
            misses.Add($"file: expected {expected.FileError ?? "no file error"}, got {fileError?.ToString() ?? "none"}");
        }

        if (expected.RowsRead is { } rowsRead && rowsRead != outcome.RowsRead)
        {
            misses.Add($"rows read: expected {rowsRead}, got {outcome.RowsRead}");
        }

        var rowErrors = outcome.Problems.Where(p => p.Severity == ProblemSeverity.RowError && p.Row is not null)
            .GroupBy(p => (p.Sheet ?? "", p.Row!.Value)).ToDictionary(g => g.Key, g => g.ToList());
        var rowsRight = 0;
        var valuesRight = 0;
        var valuesTotal = 0;
        var matched = new HashSet<int>();
        foreach (var arrangement in expected.Loaded)
        {
            var checkedFields = arrangement.Checked().ToList();
            valuesTotal += checkedFields.Count;
            var actual = loaded.FirstOrDefault(a => !matched.Contains(a.ArrangementKey) && a.Title == arrangement.Title)
                ?? loaded.FirstOrDefault(a => !matched.Contains(a.ArrangementKey) && Loose(a.Title) == Loose(arrangement.Title));
            if (actual is null)
            {
                var why = rowErrors.TryGetValue((arrangement.Sheet!, arrangement.Row), out var errors) ? string.Join("; ", errors) : held.Contains((arrangement.Sheet!, arrangement.Row)) ? "held" : "not found";
                misses.Add($"{arrangement.Sheet}!{arrangement.Row} '{arrangement.Title}': expected loaded, {why}");
                continue;
            }

            matched.Add(actual.ArrangementKey);
            rowsRight++;
            if (actual.Title != arrangement.Title)
            {
                misses.Add($"{arrangement.Sheet}!{arrangement.Row} title: expected '{arrangement.Title}', got '{actual.Title}'");
            }

            foreach (var (field, value) in checkedFields)
            {
                var got = Actual(actual, facts, field);
                if (Same(value, got))
                {
                    valuesRight++;
                }
                else
                {
                    misses.Add($"{arrangement.Sheet}!{arrangement.Row} '{arrangement.Title}' {field}: expected {Show(value)}, got {Show(got)}");
                }
            }
        }

        foreach (var problem in expected.NotLoaded)
        {
            var key = (problem.Sheet, problem.Row);
            var codes = rowErrors.TryGetValue(key, out var errors) ? errors.Select(e => e.Code).ToList() : [];
            var right = codes.Contains(problem.Code) && (!problem.Held || held.Contains(key));
            if (right)
            {
                rowsRight++;
            }
            else
            {
                misses.Add($"{problem.Sheet}!{problem.Row}: expected {(problem.Held ? "held" : "rejected")} with {problem.Code}, got {(codes.Count == 0 ? "no row error" : string.Join(", ", codes))}{(held.Contains(key) ? " (held)" : "")}");
            }
        }

        // Anything loaded or sent back that a careful reader would not have: a title row loaded, a continuation row rejected.
        var unexpected = loaded.Where(a => !matched.Contains(a.ArrangementKey)).Select(a => $"unexpected arrangement '{a.Title}' ({a.Partners})").ToList();
        var expectedRows = expected.Loaded.Select(a => (a.Sheet!, a.Row)).Concat(expected.NotLoaded.Select(p => (p.Sheet, p.Row))).ToHashSet();
        unexpected.AddRange(rowErrors.Where(e => !expectedRows.Contains(e.Key)).Select(e => $"unexpected row error at {e.Key.Item1}!{e.Key.Item2}: {string.Join("; ", e.Value)}"));
        misses.AddRange(unexpected);

        var warningsRight = 0;
        foreach (var warning in expected.Warnings)
        {
            if (outcome.Problems.Any(p => p.Severity == ProblemSeverity.Warning && p.Code == warning.Code
                && (warning.Row is null || (p.Row == warning.Row && p.Sheet == warning.Sheet))))
            {
                warningsRight++;
            }
            else
            {
                var near = outcome.Problems.Where(p => warning.Row is null ? p.Row is null : p.Row == warning.Row).Select(p => p.Code);
                misses.Add($"{(warning.Row is null ? "file" : $"{warning.Sheet}!{warning.Row}")}: expected warning {warning.Code}, got [{string.Join(", ", near)}]");
            }
        }

        var rowsTotal = expected.Loaded.Count + expected.NotLoaded.Count + unexpected.Count;
        return new CaseScore(expected.Name, rowsRight, rowsTotal, valuesRight, valuesTotal, warningsRight, expected.Warnings.Count, misses);
    }

    private static object? Actual(DataMart.Entities.ArrangementView a, Dictionary<int, (bool Approximate, string? Description)> facts, string field) => field switch
    {
        "partners" => (a.Partners ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray(),
        "lead" => a.LeadAuthority,
        "service" => a.ServiceArea,
        "category" => a.Category,
        "start" => a.StartDate,
        "approximate" => facts[a.ArrangementKey].Approximate,
        "description" => facts[a.ArrangementKey].Description,
        "end" => a.EndDate,
        "status" => a.Status,
        "annual" => a.AnnualSavingsGbp,
        "to date" => a.SavingsToDateGbp,
        "reference" => a.Reference,
        "governance" => a.Governance,
        "delivery" => a.DeliveryModel,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (string[] e, string[] a) => e.Order(StringComparer.Ordinal).SequenceEqual(a),
        (decimal e, decimal a) => e == a,
        (int e, decimal a) => e == a,
        (long e, decimal a) => e == a,
        _ => Equals(expected, actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "blank",
        string[] names => $"[{string.Join("; ", names)}]",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };

    private static string Loose(string title) => string.Concat(title.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
