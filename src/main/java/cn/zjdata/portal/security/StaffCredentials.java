package cn.zjdata.portal.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A secret a request presented: a session cookie or an API token. */
final class StaffCredentials extends BaseAuthenticationRequest {

    enum Kind { SESSION, TOKEN }

    final Kind kind;
    final String secret;

    StaffCredentials(Kind kind, String secret) {
        this.kind = kind;
        this.secret = secret;
    }
}
