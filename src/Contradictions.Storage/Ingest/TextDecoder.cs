using System.Text;

namespace Contradictions.Storage.Ingest;

/// <summary>
/// Bytes to text: UTF-8 (BOM stripped) when valid, otherwise Windows-1252 with a warning, because mis-declared
/// Western European text is the common case for news copy. Files with NUL bytes are binary and rejected.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool TryDecode(byte[] bytes, out string text, out string? warning, out string? error)
    {
        warning = null;
        error = null;
        text = string.Empty;
        ReadOnlySpan<byte> span = bytes;
        bool bom = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (bom) span = span[3..];
        if (span.IndexOf((byte)0) >= 0 && !LooksUtf16(bytes))
        {
            error = "binary file (contains NUL bytes); expected text, HTML, JSONL or CSV";
            return false;
        }
        if (LooksUtf16(bytes))
        {
            text = bytes[0] == 0xFF ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            return true;
        }
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding(1252).GetString(span);
            warning = "not valid UTF-8; decoded as Windows-1252";
        }
        return true;
    }

    private static bool LooksUtf16(byte[] b) => b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
}
