package io.mosaic.runtime.security;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.mosaic.api.security.UserContext;

/** Lets any controller method take the signed-in user as a {@link UserContext} parameter. */
@Configuration(proxyBeanMethods = false)
public class UserContextArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    public UserContextArgumentResolver() {
        // not a request parameter: keep it out of the OpenAPI description
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserContext.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == UserContext.class;
    }

    @Override
    public UserContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                       NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return CurrentUser.get();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
