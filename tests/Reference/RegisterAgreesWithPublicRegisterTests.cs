using System.Globalization;
using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using Xunit.Abstractions;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// Verifies our authored register against an independent public register (mySociety's, CC BY 4.0, copied to
/// tests/TestData/public-register with its attribution). Ours was written from public facts, not from that file; this test only compares. How that file's
/// quirks are normalised is documented on <see cref="PublicRegister"/>; its wrong or stale values on <see cref="PublicRegisterErrata"/>.
/// Every difference is listed on failure.
/// </summary>
public sealed class RegisterAgreesWithPublicRegisterTests(ITestOutputHelper output)
{
    private const double MaxDistanceKm = 25.0;

    private static readonly Lazy<IReadOnlyList<PublicRegisterRow>> Public = new(() => PublicRegister.Load(PublicRegisterFile.RequirePath()));

    private static AuthorityRegister Ours => AuthorityRegister.BuiltIn;

    [Fact]
    public void The_public_register_copy_ships_with_the_tests_and_is_not_empty()
    {
        var path = PublicRegisterFile.RequirePath();
        Assert.True(Public.Value.Count > 400, $"The public register at {path} has only {Public.Value.Count} rows.");
    }

    [Fact]
    public void Every_authority_in_the_public_register_is_in_ours_with_the_same_code_type_nation_and_dates()
    {
        var differences = new Differences(output);
        foreach (var row in Public.Value)
        {
            var ours = FindOurs(row);
            if (ours is null)
            {
                differences.Add(row, "missing from ours");
                continue;
            }

            if (ours.Type != row.Type)
            {
                differences.Add(row, $"type {row.Type} there, {ours.Type} in ours ({ours.Code})");
            }

            if (!string.Equals(ours.Nation, row.Nation, StringComparison.Ordinal))
            {
                differences.Add(row, $"nation {row.Nation} there, {ours.Nation} in ours");
            }

            if (row.Region.Length > 0 && !string.Equals(ours.Region, row.Region, StringComparison.Ordinal))
            {
                differences.Add(row, PublicRegisterErrata.Region, row.Region, ours.Region ?? "(none)");
            }

            if (row.StartDate is { } start && ours.ValidFrom != start)
            {
                differences.Add(row, PublicRegisterErrata.Start, Date(start), Date(ours.ValidFrom));
            }

            if (ours.ValidTo != row.LastDay)
            {
                differences.Add(row, PublicRegisterErrata.LastDay, Date(row.LastDay), Date(ours.ValidTo));
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void Every_replaced_by_in_the_public_register_names_the_same_successors_as_ours()
    {
        var differences = new Differences(output);
        foreach (var row in Public.Value)
        {
            if (FindOurs(row) is not { } ours || row.SuccessorGssCodes is null)
            {
                continue; // missing rows are reported by the test above; null means "not recorded there" (see PublicRegister)
            }

            var theirs = string.Join(";", row.SuccessorGssCodes.Order(StringComparer.Ordinal));
            var mine = string.Join(";", ours.SuccessorCodes.Order(StringComparer.Ordinal));
            if (theirs != mine)
            {
                differences.Add(row, PublicRegisterErrata.Successors, theirs, mine);
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void Every_authority_in_the_public_register_lies_within_25_km_of_our_point()
    {
        var differences = new Differences(output);
        foreach (var row in Public.Value)
        {
            if (FindOurs(row) is not { } ours || row.ComparisonPoint is not { } theirs)
            {
                continue; // missing rows are reported above; a row without a point there has nothing to compare with
            }

            if (ours.Latitude is not { } lat || ours.Longitude is not { } lon)
            {
                differences.Add(row, "no coordinates in ours");
                continue;
            }

            var km = Haversine.DistanceKm(theirs.Lat, theirs.Lon, lat, lon);
            if (km > MaxDistanceKm)
            {
                differences.Add(row, PublicRegisterErrata.Point, Point(theirs.Lat, theirs.Lon), $"{Point(lat, lon)}, {km:F1} km apart");
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void Every_documented_erratum_still_describes_the_public_register()
    {
        var stale = new List<string>();
        foreach (var erratum in PublicRegisterErrata.All)
        {
            var row = Public.Value.SingleOrDefault(r => r.GssCode == erratum.Code);
            var theirValue = row is null ? null : erratum.Field switch
            {
                PublicRegisterErrata.Start => row.StartDate is null ? "(none)" : Date(row.StartDate),
                PublicRegisterErrata.LastDay => Date(row.LastDay),
                PublicRegisterErrata.Region => row.Region,
                PublicRegisterErrata.Successors => string.Join(";", (row.SuccessorGssCodes ?? []).Order(StringComparer.Ordinal)),
                PublicRegisterErrata.Point => row.ComparisonPoint is { } p ? Point(p.Lat, p.Lon) : "(none)",
                _ => null,
            };
            if (theirValue != erratum.TheirValue)
            {
                stale.Add($"{erratum.Code} {erratum.Field}: erratum expects '{erratum.TheirValue}', the public register now says '{theirValue ?? "(no such row)"}'");
            }
        }

        Assert.True(stale.Count == 0, $"Stale errata (remove them and compare again):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Fact]
    public void Our_register_has_every_principal_council_of_today_by_nation()
    {
        var today = new DateOnly(2026, 1, 1);
        var current = Ours.Authorities.Where(a => a.IsCouncil && a.ExistedOn(today)).ToList();
        Assert.Equal(21, current.Count(a => a.Type == AuthorityType.County));
        Assert.Equal(164, current.Count(a => a.Type == AuthorityType.District));
        Assert.Equal(63, current.Count(a => a.Type == AuthorityType.Unitary));
        Assert.Equal(36, current.Count(a => a.Type == AuthorityType.MetropolitanDistrict));
        Assert.Equal(32, current.Count(a => a.Type == AuthorityType.LondonBorough));
        Assert.Single(current, a => a.Type == AuthorityType.CityCorporation);
        Assert.Equal(32, current.Count(a => a.Type == AuthorityType.ScottishCouncil));
        Assert.Equal(22, current.Count(a => a.Type == AuthorityType.WelshCouncil));
        Assert.Equal(11, current.Count(a => a.Type == AuthorityType.NorthernIrelandDistrict));
        Assert.Equal(26, Ours.Authorities.Count(a => a.Type == AuthorityType.NorthernIrelandDistrict && a.ValidTo == new DateOnly(2015, 3, 31)));
    }

    [Fact]
    public void Every_successor_and_parent_code_in_our_register_names_an_authority_of_our_register()
    {
        var dangling = Ours.Authorities
            .SelectMany(a => a.SuccessorCodes.Select(c => (a.Code, Kind: "successor", Target: c))
                .Concat(a.ParentCode is { } p ? [(a.Code, Kind: "parent", Target: p)] : []))
            .Where(link => Ours.Find(link.Target) is null)
            .Select(link => $"{link.Code}: {link.Kind} {link.Target} is not in the register")
            .ToList();
        Assert.True(dangling.Count == 0, string.Join(Environment.NewLine, dangling));
    }

    /// <summary>By GSS code; for Northern Ireland's pre-2015 councils (no GSS code there) by name, among ours that ended on 31 March 2015.</summary>
    private static Authority? FindOurs(PublicRegisterRow row)
    {
        if (row.GssCode is { } gss)
        {
            return Ours.Find(gss);
        }

        var lastDay = new DateOnly(2015, 3, 31);
        var names = new[] { row.OfficialName, row.NiceName }.Select(Canonical).ToHashSet(StringComparer.Ordinal);
        return Ours.Authorities.SingleOrDefault(a =>
            a.Nation == "Northern Ireland" && a.ValidTo == lastDay &&
            (names.Contains(Canonical(a.Name)) || (a.ShortName is { } s && names.Contains(Canonical(s)))));
    }

    private static string Canonical(string name) =>
        string.Join(' ', name.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal)
            .Split([' ', ',', '.', '-', '\''], StringSplitOptions.RemoveEmptyEntries));

    private static string Point(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"{lat:F3},{lon:F3}");

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)";

    /// <summary>Collects differences; an erratum-listed one is printed as accepted, with its reason, and not counted.</summary>
    private sealed class Differences(ITestOutputHelper output)
    {
        private readonly List<string> _items = [];

        public void Add(PublicRegisterRow row, string description) => _items.Add($"{Describe(row)}: {description}");

        public void Add(PublicRegisterRow row, string field, string theirs, string ours)
        {
            if (row.GssCode is { } code && PublicRegisterErrata.Find(code, field, theirs) is { } erratum)
            {
                output.WriteLine($"accepted {Describe(row)}: {field} '{theirs}' there, '{ours}' in ours. {erratum.Reason}");
                return;
            }

            _items.Add($"{Describe(row)}: {field} '{theirs}' there, '{ours}' in ours");
        }

        public void AssertNone()
        {
            foreach (var item in _items)
            {
                output.WriteLine(item);
            }

            Assert.True(_items.Count == 0,
                $"{_items.Count} difference(s) from the public register:{Environment.NewLine}{string.Join(Environment.NewLine, _items)}");
        }

        private static string Describe(PublicRegisterRow row) => $"{row.GssCode ?? row.LocalCode} {row.NiceName}";
    }
}
