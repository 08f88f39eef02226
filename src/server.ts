// agora-auth/server — a local Agora-compatible server (contracts A and B) as Web-standard handlers.
export {}
