using Contradictions.ML.Features;

namespace Contradictions.ML.Tests;

public class PassagePostingsTests
{
    [Fact]
    public void Finding_ascending_terms_steps_or_halves_to_the_same_index_and_resume_point()
    {
        var random = new Random(17);
        // Lists on both sides of the length up to which terms are looked for a step at a time.
        foreach (int length in new[] { 0, 1, 2, 30, 63, 64, 65, 66, 130, 200 })
        {
            for (int round = 0; round < 20; round++)
            {
                var ids = Enumerable.Range(0, 3 * length + 1).OrderBy(_ => random.Next()).Take(length).Order().ToArray();
                var postings = Featurizer.InvertOne(new SparseVector(ids, new float[length]));
                var wanted = Enumerable.Range(-1, 3 * length + 3).Where(_ => random.Next(3) == 0).ToArray();
                int from = 0, expectedFrom = 0;
                foreach (int id in wanted)
                {
                    // What the search by halves alone returned: the index of id, or -1, moving past what was searched.
                    int at = ids.AsSpan(expectedFrom).BinarySearch(id);
                    int expected = at < 0 ? -1 : expectedFrom + at;
                    expectedFrom += at < 0 ? ~at : at + 1;

                    Assert.Equal(expected, postings.Find(id, ref from));
                    Assert.Equal(expectedFrom, from);
                }
            }
        }
    }
}
