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
    // Times each key was seen, by a 64-bit hash of the key: 16 bytes an arrangement rather than its key's text.
    private readonly Dictionary<ulong, int> _keys = [];
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
        var hash = HashOf(key);
        var seen = _keys.TryGetValue(hash, out var count) ? count + 1 : 1;
        _keys[hash] = seen;
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
        // The keys only numbered repeats while rows came; the reports are written next, and need the memory more.
        _keys.Clear();
        _keys.TrimExcess();
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

    // FNV-1a over the key's UTF-16 code units: stable, and a collision among 200,000 keys is about one in 10^9.
    private static ulong HashOf(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
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

    /// <summary>The values that loaded, named as the template names its columns; blanks left out.</summary>
    internal static IReadOnlyDictionary<string, string> FieldsOf(ArrangementRecord record)
    {
        var values = new string?[Columns.Length];
        values[0] = Blank(record.Reference);
        values[1] = Blank(record.Title);
        values[2] = Blank(string.Join("; ", record.Partners.Select(p => p.Name).Order(StringComparer.Ordinal)));
        values[3] = Blank(record.Lead?.Name);
        values[4] = Blank(record.ServiceArea.Name);
        values[5] = Blank(record.Category);
        // A fingerprint: enough to tell a changed description, without keeping up to 4,000 characters per arrangement.
        values[6] = record.Description is null ? null : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Description)))[..12];
        values[7] = Blank(record.StartDate is { } start ? start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (record.StartDateIsApproximate ? " (approximate)" : "") : null);
        values[8] = Blank(record.EndDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        values[9] = Blank(record.Status);
        values[10] = Blank(Money(record.AnnualSavings));
        values[11] = Blank(Money(record.SavingsToDate));
        values[12] = Blank(record.Governance);
        values[13] = Blank(record.DeliveryModel);
        return new SnapshotFields(ColumnNames, values);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Money(decimal? value) => value?.ToString("£#,0.##", CultureInfo.InvariantCulture);
}
