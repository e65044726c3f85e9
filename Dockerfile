# One image for every piece; docker-compose.yml picks the piece with the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies are needed at run time: TypeScript runs through ts-node.
RUN npm ci --include=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY connectors ./connectors
COPY migrations ./migrations
COPY schema ./schema
USER node
ENV HOST=0.0.0.0
CMD ["npm", "start"]
