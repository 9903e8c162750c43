import { ApiProperty } from '@nestjs/swagger';

/** A school named in an answer: its URN and name. One class for every module, so the OpenAPI document has one `SchoolRefDto`. */
export class SchoolRefDto {
  @ApiProperty() urn: string;
  @ApiProperty() name: string;
}
