package org.neighborshare.portal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignInTest {

    @Test
    void afterSignInOnlyAPathOfThisSiteIsFollowed() {
        assertEquals("/owner/inbox", SignIn.safeNext("/owner/inbox"));
        assertEquals("/requests?page=2", SignIn.safeNext("/requests?page=2"));
        for (String open : new String[] {
            null,
            "",
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)",
            "/a b",
            "/x\r\nSet-Cookie: a=b",
            "evil.example"
        }) {
            assertEquals("/", SignIn.safeNext(open), String.valueOf(open));
        }
    }
}
