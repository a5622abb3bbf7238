package io.triage.pii.detect;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Web addresses with a scheme ({@code https://}, {@code ftp://}) or starting with {@code www.}, and bare host names
 * followed by a path ({@code example.com/reset?user=anna}): the path and query often carry names, tokens and
 * account ids, so the whole address becomes one finding. Trailing sentence punctuation is not part of it.
 */
public final class UrlDetector extends PatternDetector {

    private static final String HOST = "[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]{0,62}(?:\\.[\\p{L}\\p{N}\\-]{1,63}){0,8}";
    private static final String REST = "[^\\s<>\"'`{}|\\\\^]{0,2000}";
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\w@.\\-/])(?:"
            + "(?:https?|ftps?|sftp)://" + REST
            + "|www\\." + HOST + REST
            + "|[a-z0-9][a-z0-9\\-]{0,62}(?:\\.[a-z0-9\\-]{1,63}){0,6}\\.[a-z]{2,24}(?::\\d{1,5})?/" + REST + ")"
            + "(?<![.,;:!?)\\]'\"])");

    private static final Pattern WWW = Pattern.compile("(?i)www\\.");

    public UrlDetector() {
        super("url", PiiType.URL, URL, 0, 0.99, url -> url.length() > 8,
                (text, index) -> MatchStart.isAsciiLetterOrDigit(text.charAt(index))
                        && !(index > 0 && MatchStart.isAsciiLetterOrDigit(text.charAt(index - 1))));
    }

    /**
     * Every form holds a slash ("://", "host.tld/") or "www." (either case) somewhere; most texts hold neither. This
     * must stay a necessary condition: where the first full stop is ("Hi. Visit www.example.com") says nothing.
     */
    @Override
    public List<Finding> detect(String text) {
        boolean mayHoldUrl = text.indexOf('/') >= 0 || WWW.matcher(text).find();
        return mayHoldUrl ? super.detect(text) : List.of();
    }
}
