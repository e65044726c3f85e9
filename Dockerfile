# One image for every piece; docker-compose.yml picks the piece with the command.
# Build stage: dev dependencies (TypeScript) compile the hub to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY connectors ./connectors
COPY migrations ./migrations
COPY schema ./schema
RUN npm run build

# Runtime stage: production dependencies and the compiled hub only.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PGLITE_DATA_DIR=/data \
    DEV_KEY_FILE=/keys/dev-keys.json
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The embedded store's files (without DATABASE_URL) and the dev key pair: the only places the hub writes.
RUN mkdir -p /data /keys && chown node:node /data /keys
VOLUME ["/data", "/keys"]
USER node
EXPOSE 4000
# Each piece answers /readyz on its own port (a subgraph's *_PORT, the gateway's PORT).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.POLICE_PORT||process.env.VICTIMS_PORT||process.env.PARTNERS_PORT||process.env.GOVERNANCE_PORT||process.env.INSIGHTS_PORT||process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1, no npm or shell in between, so `docker stop`'s SIGTERM reaches
# the hub, which closes its servers and store and exits 0 (src/main.ts). The hub
# starts no child processes, so there are none to reap: no init is needed.
CMD ["node", "dist/src/main.js"]
