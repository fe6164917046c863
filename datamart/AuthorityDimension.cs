using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.DataMart;

/// <summary>Keeps dim_authority in step with the register as SCD type 2, and finds the version valid on a date.</summary>
internal sealed class AuthorityDimension
{
    private readonly Dictionary<string, List<DimAuthority>> _versions;

    private AuthorityDimension(Dictionary<string, List<DimAuthority>> versions) => _versions = versions;

    public static async Task<AuthorityDimension> LoadAsync(MartDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Authorities.Where(a => a.AuthorityKey > 0).ToListAsync(cancellationToken);
        return new AuthorityDimension(rows.GroupBy(a => a.AuthorityCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ToList(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Adds authorities the dimension lacks and a new version for any whose attributes changed (closing the old one).</summary>
    public int Sync(MartDbContext db, IEnumerable<Authority> authorities, DateOnly today)
    {
        var changes = 0;
        foreach (var authority in authorities)
        {
            var hash = Hash(authority);
            var current = _versions.GetValueOrDefault(authority.Code)?.LastOrDefault(v => v.IsCurrent);
            if (current is not null && current.RowHash == hash)
            {
                continue;
            }

            var validFrom = current is null ? authority.ValidFrom ?? new DateOnly(1900, 1, 1) : today;
            if (current is not null)
            {
                if (current.ValidFrom >= today)
                {
                    validFrom = current.ValidFrom.AddDays(1);
                }

                current.IsCurrent = false;
                current.ValidTo = validFrom.AddDays(-1);
            }

            var row = ToRow(authority, hash, validFrom);
            db.Authorities.Add(row);
            if (!_versions.TryGetValue(authority.Code, out var list))
            {
                _versions[authority.Code] = list = [];
            }

            list.Add(row);
            changes++;
        }

        return changes;
    }

    /// <summary>The version of an authority valid on a date (the arrangement's start), else its current version.</summary>
    public DimAuthority? Find(string code, DateOnly? on)
    {
        if (!_versions.TryGetValue(code, out var versions) || versions.Count == 0)
        {
            return null;
        }

        // Loops, not LastOrDefault with lambdas: asked for every partner of every row, the closures added up.
        if (on is { } date)
        {
            for (var i = versions.Count - 1; i >= 0; i--)
            {
                if (versions[i].ValidFrom <= date && (versions[i].ValidTo is null || date <= versions[i].ValidTo))
                {
                    return versions[i];
                }
            }
        }

        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].IsCurrent)
            {
                return versions[i];
            }
        }

        return versions[^1];
    }

    private static DimAuthority ToRow(Authority a, string hash, DateOnly validFrom) => new()
    {
        AuthorityCode = a.Code,
        Name = a.Name,
        ShortName = a.ShortName,
        AuthorityType = Snake(a.Type.ToString()),
        TierLevel = a.Tier.ToString().ToLowerInvariant(),
        Sector = Snake(a.Sector.ToString()),
        ParentCode = a.ParentCode,
        Region = a.Region,
        Nation = a.Nation,
        Latitude = a.Latitude,
        Longitude = a.Longitude,
        ExistedFrom = a.ValidFrom,
        ExistedTo = a.ValidTo,
        SuccessorCodes = a.SuccessorCodes.Count == 0 ? null : string.Join(';', a.SuccessorCodes),
        ValidFrom = validFrom,
        ValidTo = null,
        IsCurrent = true,
        RowHash = hash,
    };

    private static string Snake(string name) => MartDbContext.SnakeCase(name);

    private static string Hash(Authority a)
    {
        var text = string.Join('|', a.Code, a.Name, a.ShortName, a.Type, a.Tier, a.Sector, a.ParentCode, a.Region, a.Nation,
            a.ValidFrom?.ToString("O", CultureInfo.InvariantCulture), a.ValidTo?.ToString("O", CultureInfo.InvariantCulture),
            string.Join(';', a.SuccessorCodes),
            a.Latitude?.ToString("F3", CultureInfo.InvariantCulture), a.Longitude?.ToString("F3", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
