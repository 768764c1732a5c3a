// A real OpenID Connect provider (the certified `oidc-provider` package) for the identity tests
// and the demo: one client, Triple Win, and a few people. Never for production.
//
//   PORT=9000 ISSUER=http://127.0.0.1:9000 REDIRECT_URIS=http://127.0.0.1:8000/accounts/oidc/lincolnshire-icb/login/callback/ node tests/oidc/server.mjs
//
// The sign-in page asks only for a user name, from USERS below.
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.PORT || 9000);
const issuer = process.env.ISSUER || `http://127.0.0.1:${port}`;
const redirectUris = (
  process.env.REDIRECT_URIS ||
  "http://127.0.0.1:8000/accounts/oidc/lincolnshire-icb/login/callback/"
).split(",");

// `domain` is the email domain every address uses; the tests and the demo verify it.
const domain = process.env.EMAIL_DOMAIN || "lincolnshire-icb.example";
export const USERS = {
  // Has a Triple Win account already (the demo's oversight lead) or gets one on first sign-in.
  "sam.sso": { email: `sam.sso@${domain}`, given_name: "Sam", family_name: "Single-Sign-On" },
  // An address at a domain nobody verified.
  stranger: { email: "pat.stranger@unverified.example", given_name: "Pat", family_name: "Stranger" },
  // Switched off at the organisation: the provider refuses to sign them in.
  revoked: { email: `rae.revoked@${domain}`, given_name: "Rae", family_name: "Revoked", revoked: true },
  // The provider does not vouch for this address.
  unconfirmed: {
    email: `una.unconfirmed@${domain}`,
    given_name: "Una",
    family_name: "Unconfirmed",
    email_verified: false,
  },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID || "triplewin",
      client_secret: process.env.CLIENT_SECRET || "triplewin-local-test-secret",
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  async findAccount(ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: user.email,
          email_verified: user.email_verified ?? true,
          given_name: user.given_name,
          family_name: user.family_name,
          name: `${user.given_name} ${user.family_name}`,
        };
      },
    };
  },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => false },
  cookies: { keys: ["local-test-only"] },
});

const page = (uid) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test sign-in service</title></head>
<body><main><h1>Test sign-in service</h1>
<form method="post" action="/interaction/${uid}">
<label for="login">User name</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Continue</button>
</form></main></body></html>`;

async function body(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page(details.uid));
    return;
  }
  const login = (await body(req)).get("login") || "";
  const user = USERS[login];
  if (!user || user.revoked) {
    const result = { error: "access_denied", error_description: "This person may not sign in." };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope("openid email profile");
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith("/interaction/")) {
    interaction(req, res).catch((error) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
    return;
  }
  callback(req, res);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`Test OpenID Connect provider: ${issuer} (listening on 127.0.0.1:${port})`);
});
