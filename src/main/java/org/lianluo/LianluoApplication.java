package org.lianluo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Lianluo (联络): the deputy-work platform of a city's people's congress. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LianluoApplication {

	public static void main(String[] args) {
		SpringApplication.run(LianluoApplication.class, args);
	}
}
