using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimServiceAreaConfiguration : IEntityTypeConfiguration<DimServiceArea>
{
    public void Configure(EntityTypeBuilder<DimServiceArea> builder)
    {
        builder.ToTable("dim_service_area");
        builder.HasKey(s => s.ServiceAreaKey);
        builder.Property(s => s.ServiceArea).HasMaxLength(200);
        builder.Property(s => s.Category).HasMaxLength(30);
        builder.HasIndex(s => s.ServiceArea).IsUnique();
    }
}
