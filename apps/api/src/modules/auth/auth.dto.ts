import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@redbridge.demo.test' })
  @IsNotEmpty({ message: 'Enter your e-mail address' })
  @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' })
  @MaxLength(254, { message: 'An e-mail address can be at most 254 characters' })
  email: string;

  @ApiProperty({ example: 'partnerships-demo' })
  @IsString({ message: 'Enter your password' })
  @Length(1, 256, { message: 'Enter your password' })
  password: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsNotEmpty({ message: 'Enter your e-mail address' })
  @IsEmail({}, { message: 'Enter an e-mail address in the right format, like name@school.org.uk' })
  @MaxLength(254, { message: 'An e-mail address can be at most 254 characters' })
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty() @IsString() @Length(10, 100, { message: 'The reset link is not valid' }) token: string;
  @ApiProperty() @IsString({ message: 'Enter a new password' }) @MaxLength(256) password: string;
}

export class AcceptInvitationDto {
  @ApiProperty() @IsString() @Length(10, 100, { message: 'The invitation link is not valid' }) token: string;
  @ApiProperty({ required: false, description: 'Your name, when you are new to the platform' })
  @IsOptional() @IsString() @Length(1, 200, { message: 'Enter your name' }) name?: string;
  @ApiProperty({ description: 'A new password, or your existing one if you already have an account' })
  @IsString({ message: 'Enter a password' }) @MaxLength(256) password: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() isPlatformOperator: boolean;
}

export class LoginResponseDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'Send this as the X-CSRF-Token header on writes' }) csrfToken: string;
}

export class TenantRefDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class AcceptInvitationResponseDto extends LoginResponseDto {
  @ApiProperty({ type: TenantRefDto }) tenant: TenantRefDto;
}

export class InvitationPreviewDto {
  @ApiProperty({ type: TenantRefDto }) tenant: TenantRefDto;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
  @ApiProperty({ description: 'Whether the address already has an account (then only its password is asked for)' }) accountExists: boolean;
}
