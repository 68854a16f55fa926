using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Contradictions.Storage;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread for the JSON a scan writes per claim and per flag: the serializer's
/// per-call state (its stack of frames, its buffer rented and returned) cost more than the writing itself. Writes with
/// the writer's default escaping, which is also the serializer's.
/// </summary>
internal static class JsonScratch
{
    [ThreadStatic] private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? scratch;

    /// <summary>The thread's writer, empty.</summary>
    public static Utf8JsonWriter Begin()
    {
        if (scratch is not { } s)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            scratch = s = (buffer, new Utf8JsonWriter(buffer));
        }
        // A write that threw (a NaN, say) left its part behind: every write starts from empty.
        s.Buffer.ResetWrittenCount();
        s.Writer.Reset(s.Buffer);
        return s.Writer;
    }

    /// <summary>What was written since <see cref="Begin"/>, as a string.</summary>
    public static string End() => End(static bytes => Encoding.UTF8.GetString(bytes));

    /// <summary>What was written since <see cref="Begin"/>, as its UTF-8 bytes (what SQLite stores of a text).</summary>
    public static byte[] EndUtf8() => End(static bytes => bytes.ToArray());

    private static T End<T>(Func<ReadOnlySpan<byte>, T> take) where T : class
    {
        var (buffer, writer) = scratch!.Value;
        writer.Flush();
        var json = take(buffer.WrittenSpan);
        // One very long text should not keep its buffer on the thread for good.
        if (buffer.Capacity > 1 << 16) scratch = null;
        return json;
    }
}
