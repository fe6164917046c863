using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimArrangementProfileConfiguration : IEntityTypeConfiguration<DimArrangementProfile>
{
    public void Configure(EntityTypeBuilder<DimArrangementProfile> builder)
    {
        builder.ToTable("dim_arrangement_profile");
        builder.HasKey(p => p.ProfileKey);
        builder.Property(p => p.Status).HasMaxLength(40);
        builder.Property(p => p.Governance).HasMaxLength(200);
        builder.Property(p => p.DeliveryModel).HasMaxLength(200);
        builder.HasIndex(p => new { p.Status, p.Governance, p.DeliveryModel }).IsUnique();
    }
}
