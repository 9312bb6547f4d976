package io.mosaic.runtime.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI mosaicOpenApi(@Value("${mosaic.platform-version}") String version) {
        return new OpenAPI()
                .info(new Info().title("Mosaic API").version(version)
                        .description("REST API of the Mosaic low-code platform. Integrations authenticate with"
                                + " `Authorization: Bearer <token>` (create tokens under Admin → API tokens); the browser"
                                + " uses the session cookie plus the X-XSRF-TOKEN header. Errors share one JSON shape:"
                                + " {status, code, message, errors:[{pointer, message}], path, timestamp}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("MOSAIC_SESSION")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
