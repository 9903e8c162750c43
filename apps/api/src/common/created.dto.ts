import { ApiProperty } from '@nestjs/swagger';

/** The answer to a request that created something: the new record's id. One class for every module, so the OpenAPI document has one `CreatedDto`. */
export class CreatedDto {
  @ApiProperty() id: string;
}
