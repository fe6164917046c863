using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class ReviewNameConfiguration : IEntityTypeConfiguration<ReviewName>
{
    public void Configure(EntityTypeBuilder<ReviewName> builder)
    {
        builder.ToTable("review_name");
        builder.HasKey(r => r.ReviewNameKey);
        builder.Property(r => r.NameKey).HasMaxLength(400);
        builder.Property(r => r.Name).HasMaxLength(400);
        builder.Property(r => r.Status).HasMaxLength(20);
        foreach (var code in new[] { nameof(ReviewName.Candidate1Code), nameof(ReviewName.Candidate2Code), nameof(ReviewName.Candidate3Code) })
        {
            builder.Property<string?>(code).HasMaxLength(64);
        }

        foreach (var name in new[] { nameof(ReviewName.Candidate1Name), nameof(ReviewName.Candidate2Name), nameof(ReviewName.Candidate3Name) })
        {
            builder.Property<string?>(name).HasMaxLength(200);
        }

        builder.HasIndex(r => r.NameKey).IsUnique();
        builder.HasIndex(r => r.Status);
    }
}
