using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Builds a return's <see cref="ArrangementSnapshot"/> as its rows stream past. An arrangement is known by the
/// submitter's reference when it has one, else by its title (case, spaces and punctuation aside): what a council keeps
/// the same from one return to the next, while row numbers move as rows are added and removed. Each arrangement is
/// written to a temporary file as it comes; what stays in memory is its key (to number repeated keys), not its record.
/// </summary>
public sealed class ArrangementSnapshotCollector : IDisposable
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _leads = new(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    // Not indented: a machine's file, one line an arrangement's worth of keys, not a line a value.
    private static readonly JsonSerializerOptions Compact = new(PublishedJson.Options) { WriteIndented = false };
    private const int FlushBytes = 64 * 1024;
    private FileStream? _file;
    private Utf8JsonWriter? _json;

    public IReadOnlyCollection<string> LeadAuthorities => _leads;

    /// <summary>Arrangements written so far.</summary>
    public int Count { get; private set; }

    public void Add(SubmissionRow row, RowVerdict verdict)
    {
        var title = verdict.Record?.Title ?? row.Text(TemplateColumn.Arrangement)?.Trim() ?? "";
        var key = KeyOf(row.Text(TemplateColumn.Reference), title, row);
        var seen = _keys.TryGetValue(key, out var count) ? count + 1 : 1;
        _keys[key] = seen;
        if (seen > 1)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{key}#{seen}");
        }

        var fields = verdict.Record is { } record ? FieldsOf(record) : NoFields;
        if (verdict.Record?.Lead is { } lead)
        {
            _leads.Add(lead.Code);
        }

        var json = Writer();
        JsonSerializer.Serialize(json, new SubmittedArrangement(key, title, row.Sheet, row.RowNumber, verdict.Outcome, fields), Compact);
        Count++;
        if (json.BytesPending >= FlushBytes)
        {
            json.Flush();
        }
    }

    /// <summary>Ends the snapshot as the submission's; the snapshot owns the file from here (dispose it, not this).</summary>
    public ArrangementSnapshot Finish(string submissionId, string fileName, DateTimeOffset receivedAt)
    {
        var json = Writer();
        json.WriteEndArray();
        json.WriteString("submission_id", submissionId);
        json.WriteString("file_name", fileName);
        json.WriteString("received_at", receivedAt);
        json.WriteStartArray("lead_authorities");
        foreach (var lead in _leads)
        {
            json.WriteStringValue(lead);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        var file = _file!;
        json.Dispose();
        _json = null;
        _file = null;
        return new ArrangementSnapshot(submissionId, fileName, receivedAt, [.. _leads], file);
    }

    public void Dispose()
    {
        _json?.Dispose();
        _file?.Dispose();
    }

    // The arrangements come first and the header after them (it is known only at the end); readers take either order.
    private Utf8JsonWriter Writer()
    {
        if (_json is null)
        {
            _file = new FileStream(Path.Combine(Path.GetTempPath(), "ssp-snapshot-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose);
            _json = new Utf8JsonWriter(_file, new JsonWriterOptions { Encoder = Compact.Encoder, SkipValidation = false });
            _json.WriteStartObject();
            _json.WriteStartArray("arrangements");
        }

        return _json;
    }

    private static string KeyOf(string? reference, string title, SubmissionRow row)
    {
        if (HeaderSynonyms.Key(reference) is { Length: > 0 } byReference)
        {
            return "ref:" + byReference;
        }

        return HeaderSynonyms.Key(title) is { Length: > 0 } byTitle
            ? "title:" + byTitle
            : string.Create(CultureInfo.InvariantCulture, $"row:{row.Sheet}!{row.RowNumber}");
    }

    // The columns the snapshot keeps, in order; their names shared by every row's fields.
    private static readonly TemplateColumn[] Columns =
    [
        TemplateColumn.Reference, TemplateColumn.Arrangement, TemplateColumn.Partners, TemplateColumn.LeadAuthority,
        TemplateColumn.ServiceArea, TemplateColumn.ArrangementType, TemplateColumn.Description, TemplateColumn.StartDate,
        TemplateColumn.EndDate, TemplateColumn.Status, TemplateColumn.AnnualSavings, TemplateColumn.SavingsToDate,
        TemplateColumn.Governance, TemplateColumn.DeliveryModel,
    ];

    private static readonly string[] ColumnNames = [.. Columns.Select(TemplateColumns.DisplayName)];

    // Values that repeat across a return's rows (dates, amounts, choices, the lead), held once; bounded, so a return of
    // all-different values adds no more than this many entries.
    private const int MaxShared = 50_000;
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    /// <summary>The values that loaded, named as the template names its columns; blanks left out.</summary>
    internal IReadOnlyDictionary<string, string> FieldsOf(ArrangementRecord record)
    {
        var values = new string?[Columns.Length];
        values[0] = Blank(record.Reference);
        values[1] = Blank(record.Title);
        values[2] = Blank(string.Join("; ", record.Partners.Select(p => p.Name).Order(StringComparer.Ordinal)));
        values[3] = Shared(record.Lead?.Name);
        values[4] = Shared(record.ServiceArea.Name);
        values[5] = Shared(record.Category);
        // A fingerprint: enough to tell a changed description, without keeping up to 4,000 characters per arrangement.
        values[6] = record.Description is null ? null : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Description)))[..12];
        values[7] = Shared(record.StartDate is { } start ? start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (record.StartDateIsApproximate ? " (approximate)" : "") : null);
        values[8] = Shared(record.EndDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        values[9] = Shared(record.Status);
        values[10] = Shared(Money(record.AnnualSavings));
        values[11] = Shared(Money(record.SavingsToDate));
        values[12] = Shared(record.Governance);
        values[13] = Shared(record.DeliveryModel);
        return new SnapshotFields(ColumnNames, values);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private string? Shared(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (_shared.TryGetValue(value, out var held))
        {
            return held;
        }

        if (_shared.Count < MaxShared)
        {
            _shared[value] = value;
        }

        return value;
    }

    private static string? Money(decimal? value) => value?.ToString("£#,0.##", CultureInfo.InvariantCulture);
}
