import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Résultat de la vérification de l’historique (chaîne d’empreintes)' })
export class AuditVerification {
  @Field(() => Boolean, { description: 'Vrai si chaque événement suit le précédent' })
  intact!: boolean;

  @Field(() => Int, { description: 'Nombre d’événements vérifiés' })
  checked!: number;

  @Field(() => String, { nullable: true, description: 'Premier événement altéré (ou dont le précédent manque)' })
  firstBrokenId!: string | null;

  @Field(() => String, { nullable: true, description: 'Son rang dans l’historique' })
  firstBrokenSeq!: string | null;

  @Field(() => String, { nullable: true, description: 'Empreinte du dernier événement, à conserver ailleurs pour prouver plus tard que rien n’a été retiré à la fin' })
  lastHash!: string | null;

  @Field(() => String, { description: 'Le résultat en une phrase' })
  message!: string;
}
