using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The register of authorities: built-in reference data, optionally merged with an operator's overrides.</summary>
public sealed class AuthorityRegister
{
    private readonly Dictionary<string, Authority> _byCode;

    public AuthorityRegister(IEnumerable<Authority> authorities)
    {
        _byCode = new Dictionary<string, Authority>(StringComparer.OrdinalIgnoreCase);
        foreach (var authority in authorities)
        {
            // Later rows win, so an operator's file merged after the built-in one overrides it.
            _byCode[authority.Code] = authority;
        }

        Authorities = [.. _byCode.Values.OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Authority> Authorities { get; }

    public Authority? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The register shipped with the product.</summary>
    public static AuthorityRegister BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<AuthorityRegister> LazyBuiltIn = new(() => new AuthorityRegister(ReadEmbedded("authorities.csv")));

    /// <summary>The built-in register with an operator's file (our layout or the public register's) merged over it.</summary>
    public static AuthorityRegister WithOverrides(TextReader? overrides) =>
        overrides is null ? BuiltIn : new AuthorityRegister(BuiltIn.Authorities.Concat(AuthorityCsv.Read(overrides)));

    internal static IReadOnlyList<Authority> ReadEmbedded(string fileName)
    {
        using var reader = OpenEmbedded(fileName);
        return AuthorityCsv.Read(reader);
    }

    internal static StreamReader OpenEmbedded(string fileName)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"SharedServicesPipeline.Reference.{fileName}")
            ?? throw new InvalidOperationException($"Embedded reference file {fileName} is missing from the build.");
        return new StreamReader(stream);
    }

    internal static CsvConfiguration CsvConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant().Replace('-', '_'),
        MissingFieldFound = null,
        HeaderValidated = null,
        TrimOptions = TrimOptions.Trim,
    };

    internal static CsvReader CreateCsvReader(TextReader reader) => new(reader, CsvConfiguration);
}
