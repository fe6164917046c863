using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimArrangementProfileConfiguration : IEntityTypeConfiguration<DimArrangementProfile>
{
    public void Configure(EntityTypeBuilder<DimArrangementProfile> builder)
    {
        builder.ToTable("dim_arrangement_profile");
        builder.HasKey(p => p.ProfileKey);
        builder.Property(p => p.Status).HasMaxLength(ArrangementLimits.Status);
        builder.Property(p => p.Governance).HasMaxLength(ArrangementLimits.Governance);
        builder.Property(p => p.DeliveryModel).HasMaxLength(ArrangementLimits.DeliveryModel);
        builder.HasIndex(p => new { p.Status, p.Governance, p.DeliveryModel }).IsUnique();
    }
}
