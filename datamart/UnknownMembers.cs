using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart;

/// <summary>The Unknown member (key -1) of each dimension, so that no fact has a null key.</summary>
internal static class UnknownMembers
{
    public const int Key = -1;

    public static void Seed(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DimAuthority>().HasData(new DimAuthority
        {
            AuthorityKey = Key,
            AuthorityCode = "UNKNOWN",
            Name = "Unknown",
            AuthorityType = "unknown",
            TierLevel = "other",
            Sector = "other",
            ValidFrom = new DateOnly(1900, 1, 1),
            IsCurrent = true,
            RowHash = "unknown",
        });
        modelBuilder.Entity<DimServiceArea>().HasData(new DimServiceArea { ServiceAreaKey = Key, ServiceArea = "Unknown", Category = "Other" });
        modelBuilder.Entity<DimArrangementProfile>().HasData(new DimArrangementProfile { ProfileKey = Key, Status = "Unknown", Governance = "Unknown", DeliveryModel = "Unknown" });
        modelBuilder.Entity<DimDate>().HasData(new DimDate
        {
            DateKey = Key,
            Date = new DateOnly(1900, 1, 1),
            Year = 0,
            Quarter = 0,
            Month = 0,
            MonthName = "Unknown",
            FinancialYear = "Unknown",
            FinancialYearStart = 0,
        });
        modelBuilder.Entity<DimSubmission>().HasData(new DimSubmission
        {
            SubmissionKey = Key,
            SubmissionId = "UNKNOWN",
            FileName = "Unknown",
            Sha256 = new string('0', 64),
            ReceivedAt = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
            PipelineVersion = "0",
            LoadedAt = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
