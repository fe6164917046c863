using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class FactArrangementConfiguration : IEntityTypeConfiguration<FactArrangement>
{
    public void Configure(EntityTypeBuilder<FactArrangement> builder)
    {
        builder.ToTable("fact_arrangement");
        builder.HasKey(a => a.ArrangementKey);
        builder.Property(a => a.ArrangementId).HasMaxLength(40);
        builder.Property(a => a.IdentityKey).HasMaxLength(64);
        builder.Property(a => a.Reference).HasMaxLength(ArrangementLimits.Reference);
        builder.Property(a => a.Title).HasMaxLength(ArrangementLimits.Title);
        builder.Property(a => a.Category).HasMaxLength(ArrangementLimits.Category);
        builder.Property(a => a.Description).HasMaxLength(ArrangementLimits.Description);
        builder.Property(a => a.Status).HasMaxLength(ArrangementLimits.Status);
        builder.Property(a => a.Governance).HasMaxLength(ArrangementLimits.Governance);
        builder.Property(a => a.DeliveryModel).HasMaxLength(ArrangementLimits.DeliveryModel);
        builder.Property(a => a.AnnualSavingsGbp).HasPrecision(18, 2);
        builder.Property(a => a.SavingsToDateGbp).HasPrecision(18, 2);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => a.ArrangementId).IsUnique();
        // The loader finds existing arrangements by identity in chunks: this index keeps a load's cost flat as the mart grows,
        // and is what two loads adding the same arrangement at once collide on (then one retries).
        builder.HasIndex(a => a.IdentityKey).IsUnique();
        // A load's data tests and its report read back the facts it wrote.
        builder.HasIndex(a => a.SubmissionKey);
        builder.HasOne<DimServiceArea>().WithMany().HasForeignKey(a => a.ServiceAreaKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimArrangementProfile>().WithMany().HasForeignKey(a => a.ProfileKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(a => a.StartDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(a => a.EndDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(a => a.LeadAuthorityKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimSubmission>().WithMany().HasForeignKey(a => a.SubmissionKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimSubmission>().WithMany().HasForeignKey(a => a.FirstSubmissionKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Partners).WithOne().HasForeignKey(p => p.ArrangementKey).OnDelete(DeleteBehavior.Cascade);
    }
}
