package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/** Express's test/res.attachment.js (Express 5.3 / content-disposition 2: token names unquoted). */
class ResAttachmentTest {

    private static RawResponse attachment(String filename) {
        App app = Express.app();
        app.use((Handler) (req, res) -> {
            if (filename == null) res.attachment();
            else res.attachment(filename);
            res.send("foo");
        });
        return get(app, "/");
    }

    /** As Express's Content-Type cases: a binary body keeps the type attachment set. */
    private static RawResponse binaryAttachment(String filename) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.attachment(filename).send("....".getBytes()));
        return get(app, "/");
    }

    @Test
    void setsContentDispositionToAttachment() {
        assertThat(attachment(null).header("Content-Disposition")).isEqualTo("attachment");
    }

    @Test
    void addsTheFilenameParam() {
        assertThat(attachment("/path/to/image.png").header("Content-Disposition"))
                .isEqualTo("attachment; filename=image.png");
    }

    @Test
    void quotesFileNamesThatAreNotATokens() {
        assertThat(attachment("/path/to/my report.png").header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"my report.png\"");
    }

    @Test
    void handlesAnEmptyFileName() {
        assertThat(attachment("").header("Content-Disposition")).isEqualTo("attachment; filename=\"\"");
    }

    @Test
    void setsTheContentType() {
        assertThat(binaryAttachment("/path/to/image.png").header("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void addsFilenameAndFilenameStarForUtf8() {
        RawResponse r = attachment("/locales/日本語.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"???.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void encodesLatin1NamesWithAnAsciiFallback() {
        assertThat(attachment("/locales/café.txt").header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"caf?.txt\"; filename*=UTF-8''caf%C3%A9.txt");
    }

    @Test
    void aNameWithoutExtensionIsOctetStream() {
        RawResponse r = binaryAttachment("/path/to/README");
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=README");
    }

    @Test
    void usesTheLastSegmentOfADirectoryPath() {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.attachment("dir/sub/").end());
        RawResponse r = get(app, "/");
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=sub");
    }
}
