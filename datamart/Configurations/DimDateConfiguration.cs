using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimDateConfiguration : IEntityTypeConfiguration<DimDate>
{
    public void Configure(EntityTypeBuilder<DimDate> builder)
    {
        builder.ToTable("dim_date");
        builder.HasKey(d => d.DateKey);
        builder.Property(d => d.DateKey).ValueGeneratedNever();
        builder.Property(d => d.MonthName).HasMaxLength(12);
        builder.Property(d => d.FinancialYear).HasMaxLength(9);
        builder.HasIndex(d => d.Date).IsUnique();
    }
}
