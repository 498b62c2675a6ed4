# One image for every Tally service; the compose file picks the entry point per service.
# Untested here (no Docker engine on our machines): kept correct by reading it against the
# services' settings tables.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY packages ./packages
COPY subgraphs ./subgraphs
COPY supergraph ./supergraph
COPY registry-service ./registry-service
COPY config-service ./config-service
COPY web ./web
RUN npm ci --no-audit --no-fund && npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
# e.g. subgraphs/user/dist/main.js; set per service in docker-compose.yml
ENV SERVICE_ENTRY=supergraph/dist/main.js
CMD ["sh", "-c", "exec node \"$SERVICE_ENTRY\""]
