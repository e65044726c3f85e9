import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import type { GovernanceContext } from "../context";
import { RegisteredWebhookEndpoint, RegisterWebhookEndpointInput, WebhookDelivery, WebhookDeliveryPage, WebhookDeliveryStatus, WebhookEndpoint } from "./webhook.types";

@Resolver()
export class WebhookResolver {
  @Mutation(() => RegisteredWebhookEndpoint, {
    description: "Register an https endpoint your organisation's system is sent signed webhooks at; the answer carries its signing secret, shown this once",
  })
  registerWebhookEndpoint(@Arg("input", () => RegisterWebhookEndpointInput) input: RegisterWebhookEndpointInput, @Ctx() ctx: GovernanceContext): Promise<RegisteredWebhookEndpoint> {
    return ctx.services.webhooks.register(ctx, input);
  }

  @Mutation(() => WebhookEndpoint, { description: "Stop sending webhooks to one of your organisation's endpoints" })
  disableWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<WebhookEndpoint> {
    return ctx.services.webhooks.disable(ctx, id);
  }

  @Mutation(() => WebhookDelivery, { description: "Queue a dead letter again, with the whole retry schedule before it" })
  replayWebhookDelivery(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<WebhookDelivery> {
    return ctx.services.webhooks.replay(ctx, id);
  }

  @Query(() => [WebhookEndpoint], { description: "Your organisation's webhook endpoints, enabled first; never their secrets" })
  webhookEndpoints(@Ctx() ctx: GovernanceContext): Promise<WebhookEndpoint[]> {
    return ctx.services.webhooks.endpointsOf(ctx.principal.organisation);
  }

  @Query(() => WebhookDeliveryPage, { description: "Your organisation's webhook deliveries and their attempts, newest first, paged by cursor" })
  webhookDeliveries(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this state" }) status: WebhookDeliveryStatus | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<WebhookDeliveryPage> {
    return ctx.services.webhooks.deliveriesOf(ctx.principal.organisation, pageSize(first), after ?? null, status ?? null);
  }

  @Query(() => WebhookDeliveryPage, { description: "Your organisation's dead letters: deliveries whose retry schedule ran out, newest first; replay one with replayWebhookDelivery" })
  webhookDeadLetters(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<WebhookDeliveryPage> {
    return ctx.services.webhooks.deliveriesOf(ctx.principal.organisation, pageSize(first), after ?? null, WebhookDeliveryStatus.DEAD);
  }
}
