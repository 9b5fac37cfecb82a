using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    /// <remarks>
    /// cross_counts from a row per cell, measure and month (and a total) to a row per cell holding its series
    /// (Model/CrossSeries.cs): the figures carried over in SQL, so no rebuild is needed. Adds cross_counts_add, the sum of
    /// two series in their canonical form, which the live writer's upsert uses.
    /// </remarks>
    public partial class CrossCountSeries : Migration
    {
        /// <summary>The measures in the order of Dimensions.CrossMeasures when this migration was written, frozen.</summary>
        private static readonly string[] Measures =
            ["started", .. new[] { "Employment", "SubsidisedEmployment", "SelfEmployment", "Studies", "Internship", "JobSeeking", "Other" }.Select(o => "exit:" + o)];

        /// <summary>
        /// The sum of two series (each: the months listed, ascending, and for each every measure's running count, month-major),
        /// canonical: a month listed only where the counts change. At each month of either, the counts are each series' at
        /// its last month up to it (width_bucket: how many it lists up to it), added; a series of fewer measures has zeros
        /// for the others (a measure added later). Mirrors CrossSeriesBuilder, which the projection test holds it to.
        /// </summary>
        private const string AddFunction = """
            CREATE FUNCTION cross_counts_add(months int[], counts int[], add_months int[], add_counts int[], OUT sum_months int[], OUT sum_counts int[])
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                WITH stride AS (
                    SELECT coalesce(cardinality(counts) / nullif(cardinality(months), 0), 0) AS a,
                           coalesce(cardinality(add_counts) / nullif(cardinality(add_months), 0), 0) AS b),
                sums AS (
                    SELECT p, ARRAY(
                        SELECT CASE WHEN j <= a AND x > 0 THEN counts[(x - 1) * a + j] ELSE 0 END
                             + CASE WHEN j <= b AND y > 0 THEN add_counts[(y - 1) * b + j] ELSE 0 END
                        FROM generate_series(1, greatest(a, b)) AS j ORDER BY j) AS v
                    FROM stride, (SELECT DISTINCT unnest(months || add_months) AS p) AS u,
                        LATERAL (SELECT width_bucket(p, months) AS x, width_bucket(p, add_months) AS y) AS w),
                kept AS (
                    SELECT p, v FROM (SELECT p, v, lag(v) OVER (ORDER BY p) AS before FROM sums) AS s
                    WHERE v IS DISTINCT FROM coalesce(before, array_fill(0, ARRAY[cardinality(v)])))
                SELECT coalesce((SELECT array_agg(p ORDER BY p) FROM kept), '{}'),
                       coalesce((SELECT array_agg(c ORDER BY p, i) FROM kept, unnest(v) WITH ORDINALITY AS e(c, i)), '{}')
            $$
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE cross_counts RENAME TO cross_counts_by_month;
                ALTER TABLE cross_counts_by_month RENAME CONSTRAINT "PK_cross_counts" TO "PK_cross_counts_by_month";
                """);

            migrationBuilder.CreateTable(
                name: "cross_counts",
                columns: table => new
                {
                    scope = table.Column<Guid>(type: "uuid", nullable: false),
                    rows = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    columns = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    row_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    column_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    months = table.Column<int[]>(type: "integer[]", nullable: false),
                    counts = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cross_counts", x => new { x.scope, x.rows, x.columns, x.row_key, x.column_key, x.gender });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70)
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            migrationBuilder.Sql(AddFunction);

            // Each cell's monthly changes (the month rows; the totals are their sums), months without a net change left out,
            // run per measure into the series.
            var deltas = string.Join(", ", Measures.Select(m => $"coalesce(sum(count) FILTER (WHERE measure = '{m}'), 0)"));
            migrationBuilder.Sql($"""
                INSERT INTO cross_counts (scope, rows, columns, row_key, column_key, gender, months, counts)
                SELECT scope, rows, columns, row_key, column_key, gender,
                    array_agg(month ORDER BY month) FILTER (WHERE i = 1), array_agg(c ORDER BY month, i)
                FROM (
                    SELECT scope, rows, columns, row_key, column_key, gender, month, i,
                        (sum(d) OVER (PARTITION BY scope, rows, columns, row_key, column_key, gender, i ORDER BY month))::int AS c
                    FROM (
                        SELECT scope, rows, columns, row_key, column_key, gender,
                            (extract(year FROM start) * 12 + extract(month FROM start) - 1)::int AS month, ARRAY[{deltas}]::int[] AS deltas
                        FROM cross_counts_by_month WHERE months = 1
                        GROUP BY scope, rows, columns, row_key, column_key, gender, month
                    ) AS monthly, unnest(deltas) WITH ORDINALITY AS u(d, i)
                    WHERE deltas <> array_fill(0, ARRAY[{Measures.Length}])
                ) AS cumulative
                GROUP BY scope, rows, columns, row_key, column_key, gender;
                DROP TABLE cross_counts_by_month;
                """);
        }

        /// <inheritdoc />
        /// <remarks>The earlier table comes back empty: run a rebuild (POST /api/reports/admin/rebuilds) after going down.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cross_counts");

            migrationBuilder.Sql("DROP FUNCTION cross_counts_add(int[], int[], int[], int[]);");

            migrationBuilder.CreateTable(
                name: "cross_counts",
                columns: table => new
                {
                    scope = table.Column<Guid>(type: "uuid", nullable: false),
                    rows = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    columns = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    row_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    column_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cross_counts", x => new { x.scope, x.rows, x.columns, x.months, x.start, x.row_key, x.column_key, x.gender, x.measure });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
