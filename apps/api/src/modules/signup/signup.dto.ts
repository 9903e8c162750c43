import { ApiProperty } from '@nestjs/swagger';
import { passwordProblem } from '@partnerships/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { ProblemCheck } from '../onboarding/problem-check.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignupDto {
  @ApiProperty({ example: 'Sam Patel', description: 'Your name, as colleagues and schools will see it' })
  @Transform(trim)
  @IsString({ message: 'Enter your name' })
  @Length(1, 200, { message: 'Enter your name (up to 200 characters)' })
  name: string;

  @ApiProperty({ example: 'sam.patel@newham-partnership.org.uk' })
  @Transform(trim)
  @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' })
  @MaxLength(254, { message: 'The e-mail address can have at most 254 characters' })
  email: string;

  @ApiProperty({ description: 'At least 8 characters; long passphrases welcome; common passwords are refused with a reason' })
  @IsString({ message: 'Choose a password' })
  @ProblemCheck((value, dto) => (typeof value === 'string' ? passwordProblem(value, { email: String(dto.email ?? ''), name: String(dto.name ?? '') }) : 'Choose a password'))
  password: string;
}

export class SignupAcceptedDto {
  @ApiProperty({ description: 'Where the link was sent' }) email: string;
  @ApiProperty({ example: 'Check your e-mail: we have sent you a link to confirm your address. It works for 24 hours.' }) message: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString({ message: 'The confirmation link is not valid' })
  @Length(10, 100, { message: 'The confirmation link is not valid' })
  token: string;
}
