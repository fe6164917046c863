using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class FactArrangementHistoryConfiguration : IEntityTypeConfiguration<FactArrangementHistory>
{
    public void Configure(EntityTypeBuilder<FactArrangementHistory> builder)
    {
        builder.ToTable("fact_arrangement_history");
        builder.HasKey(h => h.HistoryKey);
        builder.Property(h => h.Title).HasMaxLength(ArrangementLimits.Title);
        builder.Property(h => h.Category).HasMaxLength(ArrangementLimits.Category);
        builder.Property(h => h.Status).HasMaxLength(ArrangementLimits.Status);
        builder.Property(h => h.AnnualSavingsGbp).HasPrecision(18, 2);
        builder.Property(h => h.SavingsToDateGbp).HasPrecision(18, 2);
        builder.Property(h => h.ContentHash).HasMaxLength(64);
        // Also the optimistic check between two loads updating the same arrangement at once: one of them collides and retries.
        builder.HasIndex(h => new { h.ArrangementKey, h.Version }).IsUnique();
        builder.HasIndex(h => h.SubmissionKey);
        builder.HasOne<FactArrangement>().WithMany().HasForeignKey(h => h.ArrangementKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DimSubmission>().WithMany().HasForeignKey(h => h.SubmissionKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(h => h.StartDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(h => h.EndDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimServiceArea>().WithMany().HasForeignKey(h => h.ServiceAreaKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimArrangementProfile>().WithMany().HasForeignKey(h => h.ProfileKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(h => h.LeadAuthorityKey).OnDelete(DeleteBehavior.Restrict);
    }
}
