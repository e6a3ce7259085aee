import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Database } from "./db/connection";
import { actionPlanRoutes } from "./modules/action-plans/routes";
import { assessmentRoutes } from "./modules/assessments/routes";
import { auditRoutes } from "./modules/audit/routes";
import { authRoutes } from "./modules/auth/routes";
import { avhoppRoutes } from "./modules/avhopp/routes";
import { caseRoutes } from "./modules/cases/routes";
import { deadlineRoutes } from "./modules/deadlines/routes";
import { decisionProposalRoutes } from "./modules/decision-proposals/routes";
import { deviationRoutes } from "./modules/deviations/routes";
import { effectReportRoutes } from "./modules/effects/report.routes";
import { effectRoutes } from "./modules/effects/routes";
import { emergencyAccessRoutes } from "./modules/emergency-access/routes";
import { fieldworkRoutes } from "./modules/fieldwork/routes";
import { fileReviewRoutes } from "./modules/file-reviews/routes";
import { internalControlRoutes } from "./modules/governance/internal-control.routes";
import { logReviewRoutes } from "./modules/governance/log-review.routes";
import { styrdokumentRoutes } from "./modules/governance/styrdokument.routes";
import { guardianRoutes } from "./modules/guardians/routes";
import { handlingTimeRoutes } from "./modules/handling-times/routes";
import { healthRoutes } from "./modules/health/routes";
import { interventionReportRoutes } from "./modules/interventions/reports.routes";
import { interventionRoutes } from "./modules/interventions/routes";
import { lagesbildRoutes } from "./modules/lagesbild/routes";
import { lateDeadlineRoutes } from "./modules/late-deadlines/routes";
import { organisationRoutes } from "./modules/organisation/routes";
import { personRoutes } from "./modules/persons/routes";
import { samverkanRoutes } from "./modules/samverkan/routes";
import { youngOffenderRoutes } from "./modules/young-offenders/routes";
import { youthSanctionRoutes } from "./modules/young-offenders/sanction.routes";
import { type Config, fastifyTrustProxy } from "./platform/config";
import { errorBody, NO_STORE, registerHttpPlatform } from "./platform/http";
import { logSerializers, safePath } from "./platform/log-safety";

export interface AppContext {
  config: Config;
  database: Database;
  /** Where log lines go (stdout when absent); tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
  /** "Now" for the legal clocks; tests move it to see deadlines pass. */
  clock?: () => Date;
}

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/**
 * The security headers, as helmet sets them: a strict CSP, no framing, no sniffing. They are the
 * same on every response, so they are worked out once, at start, by running helmet against a
 * response that only records them; each response then gets them in one step.
 */
const SECURITY_HEADERS: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    frameguard: { action: "deny" },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
})();

/** One log line per request, when it is answered, naming the request (Fastify's default writes a second on arrival). */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
  // Fastify's own messages for these quote the error's message or the raw URL with its query
  // string; the serializers keep what is safe of the error and the request.
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ req: request, res: reply, err: error }, "request failed");
    else reply.log.info({ res: reply, err: error }, "request refused");
  }
  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ method: request.method, path: safePath(request.url) }, "route not found");
  }
  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ req: request, res: reply, err: error }, "writing the response head failed");
  }
}

/**
 * Errors the router meets before any route or hook runs: a URL that is not valid percent-encoding
 * or a path parameter longer than the router takes. Fastify's own answer quotes the URL.
 */
function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.headers(SECURITY_HEADERS).header("cache-control", NO_STORE);
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return reply.code(414).send(errorBody("uri_too_long", "För lång adress / URI too long"));
  if (error.code === "FST_ERR_BAD_URL") return reply.code(400).send(errorBody("bad_url", "Ogiltig adress / Malformed URL"));
  return reply.code(500).send(errorBody("internal", "Internt fel / Internal error"));
}

/** The clock every service reads "now" from. */
export const now = (ctx: AppContext): Date => (ctx.clock ? ctx.clock() : new Date());

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      ctx.config.logLevel === "silent"
        ? false
        : { level: ctx.config.logLevel, serializers: logSerializers, ...(ctx.logStream ? { stream: ctx.logStream } : {}) },
    logController: new OneLinePerRequest(),
    // A malformed or over-long URL is answered in the API's error shape, without quoting the URL.
    frameworkErrors: frameworkError,
    bodyLimit: 256 * 1024,
    trustProxy: fastifyTrustProxy(ctx.config.trustProxy),
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  // Nothing the server answers may stay in a browser's or proxy's cache (personal data, the
  // self-report pages), except the web app's content-hashed assets, which hold none.
  app.addHook("onSend", (request, reply, _payload, done) => {
    if (!request.url.startsWith("/assets/")) reply.header("cache-control", NO_STORE);
    done();
  });
  // Cookies are parsed before the platform's session hook reads them.
  await app.register(cookie);
  registerHttpPlatform(app, ctx.config, ctx.database);

  await app.register(swagger, {
    openapi: { info: { title: "Vägval API", version: "0.1.0" }, components: {} },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { config: { permission: "public" }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true, uiConfig: { url: "/api/openapi.json" } });

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(organisationRoutes(ctx));
  await app.register(personRoutes(ctx));
  await app.register(emergencyAccessRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(caseRoutes(ctx));
  await app.register(decisionProposalRoutes(ctx));
  await app.register(deadlineRoutes(ctx));
  await app.register(handlingTimeRoutes(ctx));
  await app.register(assessmentRoutes(ctx));
  await app.register(interventionRoutes(ctx));
  await app.register(interventionReportRoutes(ctx));
  await app.register(effectRoutes(ctx));
  await app.register(effectReportRoutes(ctx));
  await app.register(youngOffenderRoutes(ctx));
  await app.register(youthSanctionRoutes(ctx));
  await app.register(styrdokumentRoutes(ctx));
  await app.register(logReviewRoutes(ctx));
  await app.register(internalControlRoutes(ctx));
  await app.register(deviationRoutes(ctx));
  await app.register(lateDeadlineRoutes(ctx));
  await app.register(fileReviewRoutes(ctx));
  await app.register(samverkanRoutes(ctx));
  await app.register(fieldworkRoutes(ctx));
  await app.register(lagesbildRoutes(ctx));
  await app.register(actionPlanRoutes(ctx));
  await app.register(avhoppRoutes(ctx));
  await app.register(guardianRoutes(ctx));

  const hasWeb = existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !hasWeb || request.method !== "GET") {
      return reply.code(404).send(errorBody("not_found", "Hittades inte / Not found"));
    }
    // Client-side routes of the SPA all answer with its one page.
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
