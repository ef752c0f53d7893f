package org.partnerlifecycle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API's shared input layer in Spring MVC: strict JSON request bodies ({@link StrictJsonBodies}). */
@Configuration
class ApiWebConfiguration implements WebMvcConfigurer {

  private final ObjectMapper mapper;
  private final ObjectProvider<Validator> validator;

  ApiWebConfiguration(ObjectMapper mapper, ObjectProvider<Validator> validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new StrictJsonBodies(mapper, validator));
  }
}
